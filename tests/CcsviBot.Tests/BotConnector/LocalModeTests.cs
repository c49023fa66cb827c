using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using CcsviBot.Channels.BotConnector;
using CcsviBot.Protocol;

namespace CcsviBot.Tests.BotConnector;

/// <summary>Issue #15: /api/messages without an app id serves local tools only.</summary>
public sealed class LocalModeTests
{
    private const string LoopbackServiceUrl = "http://localhost:3979/";

    [Fact]
    public async Task Only_application_json_is_accepted()
    {
        using var channel = new TestChannel();
        await using var host = Anonymous(channel);

        using var request = Request(LocalMessage(), "text/plain");
        using var response = await host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("Forwarded", "for=203.0.113.9")]
    public async Task Requests_from_web_pages_or_through_a_reverse_proxy_are_refused_even_from_loopback(string header, string value)
    {
        using var channel = new TestChannel();
        await using var host = Anonymous(channel);

        using var request = Request(LocalMessage(), "application/json");
        request.Headers.Add(header, value);
        using var response = await host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Replies_go_only_to_a_loopback_service_url()
    {
        using var channel = new TestChannel();
        await using var host = Anonymous(channel);
        var elsewhere = TestChannel.Message("What is CCSVI?");
        elsewhere.ServiceUrl = "https://attacker.example/";
        var local = LocalMessage();

        using var refused = await host.PostActivityAsync(elsewhere);
        using var accepted = await host.PostActivityAsync(local);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var reply = await channel.ReplyToAsync(local.Id!);
        Assert.StartsWith(LoopbackServiceUrl, reply.Uri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_mode_is_off_outside_development_unless_allowed()
    {
        using var channel = new TestChannel();
        await using var host = new BotTestHost(channel, new BotTestHostOptions { Authenticated = false });

        using var response = await host.PostActivityAsync(LocalMessage());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("AllowAnonymous", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:3978/", true)]
    [InlineData("http://127.0.0.1:3978/", true)]
    [InlineData("http://[::1]:3978/", true)]
    [InlineData("https://localhost.attacker.example/", false)]
    [InlineData("http://user@127.0.0.1/", false)]
    [InlineData("ftp://127.0.0.1/", false)]
    [InlineData("http://10.0.0.1/", false)]
    public void The_one_url_check_knows_loopback(string url, bool loopback) => Assert.Equal(loopback, ServiceUrls.IsLoopback(url));

    internal static BotTestHost Anonymous(TestChannel channel) =>
        new(channel, new BotTestHostOptions { Authenticated = false, Settings = new() { ["Bot:AllowAnonymous"] = "true" } });

    private static Activity LocalMessage()
    {
        var message = TestChannel.Message("What is CCSVI?");
        message.ServiceUrl = LoopbackServiceUrl;
        return message;
    }

    private static HttpRequestMessage Request(Activity activity, string mediaType) =>
        new(HttpMethod.Post, BotMessagesEndpoint.Path)
        {
            Content = new StringContent(JsonSerializer.Serialize(activity, ProtocolJson.Options), Encoding.UTF8, mediaType),
        };
}

/// <summary>Issue #15: unreachable OpenID metadata costs one fetch per retry delay, not one per request.</summary>
public sealed class UnreachableMetadataTests
{
    [Fact]
    public async Task Jwt_shaped_requests_do_not_each_fetch_the_metadata_again()
    {
        using var channel = new TestChannel();
        var fetches = 0;
        await using var host = new BotTestHost(channel, new BotTestHostOptions
        {
            ConfigureServices = services => Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions
                .AddHttpClient(services, BotFrameworkAuthenticator.MetadataClientName)
                .ConfigurePrimaryHttpMessageHandler(() => new CountingFailure(() => Interlocked.Increment(ref fetches))),
        });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await host.PostActivityAsync(TestChannel.Message("hello"));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.InRange(fetches, 1, 2);
    }

    private sealed class CountingFailure(Action counted) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counted();
            throw new HttpRequestException("Connection refused (metadata.test-channel.invalid:443)");
        }
    }
}
