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

    [Theory]
    [InlineData("""{"type":"message","text":"hi","channelData":{"x":"\ud800"}}""")]
    [InlineData("""{"type":"invoke","name":"composeExtension/query","value":"\ud800"}""")]
    [InlineData("""{"type":"invoke","name":"composeExtension/query","value":{"parameters":[{"name":"searchQuery","value":"\udc00"}]}}""")]
    public async Task A_lone_surrogate_gets_400_not_a_5xx(string json)
    {
        using var response = await host.PostJsonAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid Unicode", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_400_body_names_the_position_not_the_serializers_internals()
    {
        using var response = await host.PostJsonAsync("""{"type":"message","timestamp":"yesterday"}""");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("System.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Path:", body, StringComparison.Ordinal);
        Assert.Contains("line 1", body, StringComparison.Ordinal);
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
    public async Task Healthz_reports_the_loaded_knowledge_base_to_the_admin_and_only_the_status_to_anyone()
    {
        const string AdminKey = "test-admin-key-0123456789";
        using var adminChannel = new TestChannel();
        await using var withAdmin = new BotTestHost(adminChannel, new BotTestHostOptions { Settings = new() { ["Admin:ApiKey"] = AdminKey } });
        var client = withAdmin.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("X-Api-Key", AdminKey);
        using var response = await client.SendAsync(request);
        using var anonymous = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", (string?)status["status"]);
        Assert.Equal(TestKnowledgeBase.Create().Version, (long?)status["knowledge-base"]?["version"]);
        Assert.Equal(3, (int?)status["knowledge-base"]?["entries"]);
        Assert.Equal("off", (string?)status["knowledge-base"]?["meaning"]);
        Assert.Equal("""{"status":"Healthy"}""", await anonymous.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Liveness_and_readiness_are_separate_and_a_missing_faq_is_not_ready_but_live_without_details()
    {
        using var brokenChannel = new TestChannel();
        await using var broken = WithoutFaq(brokenChannel);
        var client = broken.CreateClient();

        using var live = await client.GetAsync("/healthz/live");
        using var ready = await client.GetAsync("/healthz/ready");
        using var all = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await all.Content.ReadAsStringAsync();
        Assert.Equal("""{"status":"Unhealthy"}""", body);
        Assert.DoesNotContain("no-such-faq", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_loadable_FAQ_healthz_and_messages_answer_503_not_500()
    {
        using var brokenChannel = new TestChannel();
        await using var broken = WithoutFaq(brokenChannel);

        using var message = await broken.PostActivityAsync(TestChannel.Message("What is CCSVI?"));
        using var health = await WaitForLoadAttemptAsync(broken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, message.StatusCode);
    }

    /// <summary>A host whose FAQ folder does not exist: it never has a knowledge base to answer from.</summary>
    private static BotTestHost WithoutFaq(TestChannel brokenChannel) => new(brokenChannel, new BotTestHostOptions
    {
        KnowledgeBase = null,
        Settings = new() { ["Faq:Path"] = Path.Combine(Path.GetTempPath(), "no-such-faq-" + Guid.NewGuid().ToString("N")) },
    });

    private static async Task<HttpResponseMessage> WaitForLoadAttemptAsync(BotTestHost bot)
    {
        // Loading runs in the background; until it has failed, the status says "still loading".
        for (var attempt = 0; ; attempt++)
        {
            var response = await bot.CreateClient().GetAsync("/healthz");
            var reloader = bot.Services.GetRequiredService<CcsviBot.Maintenance.FaqReloader>();
            if (reloader.LastResult is not null || attempt == 100)
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
