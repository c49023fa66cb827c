using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CcsviBot.Channels.BotConnector;
using CcsviBot.Protocol;
using CcsviBot.Turns;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CcsviBot.Tests.BotConnector;

public sealed class MessagesEndpointTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private readonly BotTestHost host = fixture.Host;
    private readonly TestChannel channel = fixture.Channel;

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    [InlineData("""{"text":"no type"}""")]
    [InlineData("""{"type":""}""")]
    [InlineData("""{"type":"message","timestamp":"yesterday"}""")]
    [InlineData("""{"type":"message","entities":["not an object"]}""")]
    public async Task Malformed_input_gets_400_with_problem_details(string json)
    {
        using var response = await host.PostJsonAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_message_without_a_conversation_gets_400_because_it_cannot_be_answered()
    {
        var message = TestChannel.Message("What is CCSVI?");
        message.Conversation = null;

        using var response = await host.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_256_KB_gets_413()
    {
        var message = TestChannel.Message(new string('a', CcsviBot.Protocol.JsonEdge.MaxActivityBytes));

        using var response = await host.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Other_methods_get_405(string method)
    {
        using var response = await host.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), BotMessagesEndpoint.Path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("somethingNew")]
    public async Task Other_activity_types_get_200(string type)
    {
        var activity = TestChannel.Message("What is CCSVI?");
        activity.Type = type;

        using var response = await host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_invoke_gets_501()
    {
        using var response = await host.PostActivityAsync(TestChannel.Invoke("composeExtension/unknownThing"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task A_registered_invoke_is_answered_in_the_HTTP_response()
    {
        using var invokeChannel = new TestChannel();
        await using var invokeHost = HostWithInvokeHandlers(invokeChannel);

        using var response = await invokeHost.PostActivityAsync(TestChannel.Invoke(EchoNameInvoke.InvokeName, new JsonObject { ["commandId"] = "searchFaq" }));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("searchFaq", (string?)body["echo"]);
        Assert.Empty(invokeChannel.Replies);
    }

    [Fact]
    public async Task A_failing_invoke_handler_gets_503_not_500()
    {
        using var invokeChannel = new TestChannel();
        await using var invokeHost = HostWithInvokeHandlers(invokeChannel);

        using var response = await invokeHost.PostActivityAsync(TestChannel.Invoke(FailingInvoke.InvokeName));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private static BotTestHost HostWithInvokeHandlers(TestChannel invokeChannel) => new(invokeChannel, new BotTestHostOptions
    {
        ConfigureServices = services => services.AddSingleton<IInvokeHandler, EchoNameInvoke>().AddSingleton<IInvokeHandler, FailingInvoke>(),
    });

    [Fact]
    public async Task Healthz_reports_the_loaded_knowledge_base()
    {
        using var response = await host.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", (string?)status["status"]);
        Assert.Equal(TestKnowledgeBase.Create().Version, (long?)status["knowledge-base"]?["version"]);
        Assert.Equal(3, (int?)status["knowledge-base"]?["entries"]);
    }

    [Fact]
    public async Task Without_a_loadable_FAQ_healthz_and_messages_answer_503_not_500()
    {
        using var brokenChannel = new TestChannel();
        await using var broken = new BotTestHost(brokenChannel, new BotTestHostOptions
        {
            KnowledgeBase = null,
            Settings = new() { ["Faq:Path"] = Path.Combine(Path.GetTempPath(), "no-such-faq-" + Guid.NewGuid().ToString("N")) },
        });

        using var message = await broken.PostActivityAsync(TestChannel.Message("What is CCSVI?"));
        using var health = await WaitForLoadAttemptAsync(broken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, message.StatusCode);
    }

    private static async Task<HttpResponseMessage> WaitForLoadAttemptAsync(BotTestHost bot)
    {
        // Loading runs in the background; until it has failed, the status says "still loading".
        for (var attempt = 0; ; attempt++)
        {
            var response = await bot.CreateClient().GetAsync("/healthz");
            var body = await response.Content.ReadAsStringAsync();
            if (!body.Contains("still loading", StringComparison.Ordinal) || attempt == 100)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(50);
        }
    }

    private sealed class FailingInvoke : IInvokeHandler
    {
        public const string InvokeName = "test/fail";

        public string Name => InvokeName;

        public Task<InvokeResponse> HandleAsync(Activity invoke, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a bug in a handler");
    }

    private sealed class EchoNameInvoke : IInvokeHandler
    {
        public const string InvokeName = "test/echo";

        public string Name => InvokeName;

        public Task<InvokeResponse> HandleAsync(Activity invoke, CancellationToken cancellationToken) =>
            Task.FromResult(new InvokeResponse(StatusCodes.Status202Accepted, new JsonObject { ["echo"] = (invoke.Value as JsonObject)?["commandId"]?.GetValue<string>() }));
    }
}
