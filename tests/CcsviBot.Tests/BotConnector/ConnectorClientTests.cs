using System.Net;
using CcsviBot.Channels.BotConnector;
using CcsviBot.Protocol;

namespace CcsviBot.Tests.BotConnector;

public sealed class ConnectorClientTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "19:abc@thread.skype;messageid=1481567603816", "1481567603816",
        "https://smba.trafficmanager.net/amer/v3/conversations/19%3Aabc%40thread.skype%3Bmessageid%3D1481567603816/activities/1481567603816")]
    [InlineData("https://connector.example/prefix", "a/b c", "x|1",
        "https://connector.example/prefix/v3/conversations/a%2Fb%20c/activities/x%7C1")]
    [InlineData("https://connector.example/", "c1", null, "https://connector.example/v3/conversations/c1/activities")]
    public void The_activities_URL_escapes_ids_and_keeps_the_service_URL_path(string serviceUrl, string conversationId, string? replyToId, string expected)
    {
        var activity = new Activity { ServiceUrl = serviceUrl, Conversation = new ConversationAccount { Id = conversationId }, ReplyToId = replyToId };

        Assert.Equal(expected, BotConnectorClient.ActivitiesUri(activity).AbsoluteUri);
    }

    [Fact]
    public async Task The_channel_gets_its_200_before_a_slow_connector_has_taken_the_reply()
    {
        using var channel = new TestChannel();
        await using var host = new BotTestHost(channel);
        var gate = channel.HoldConnector();
        var message = TestChannel.Message("What is CCSVI?");

        using var response = await host.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(channel.Replies);
        gate.SetResult();
        await channel.ReplyToAsync(message.Id!);
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_retried_until_the_reply_is_delivered()
    {
        using var channel = new TestChannel();
        await using var host = new BotTestHost(channel);
        channel.FailNextConnectorCalls(HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway);
        var message = TestChannel.Message("What is CCSVI?");

        using var response = await host.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await channel.ReplyToAsync(message.Id!);
        Assert.Equal(4, channel.ConnectorAttempts);
    }

    [Fact]
    public async Task A_reply_that_keeps_failing_is_given_up_and_later_replies_still_go_out()
    {
        using var channel = new TestChannel();
        await using var host = new BotTestHost(channel, new BotTestHostOptions { Settings = new() { ["Bot:ConnectorConcurrency"] = "1" } });
        channel.FailNextConnectorCalls(Enumerable.Repeat(HttpStatusCode.InternalServerError, 4).ToArray());
        var lost = TestChannel.Message("What is CCSVI?");
        var next = TestChannel.Message("What is CCSVI?");

        using var first = await host.PostActivityAsync(lost);
        using var second = await host.PostActivityAsync(next);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await channel.ReplyToAsync(next.Id!);
        Assert.DoesNotContain(channel.Replies, reply => reply.Activity.ReplyToId == lost.Id);
        Assert.Equal(5, channel.ConnectorAttempts);
    }

    [Fact]
    public async Task A_client_error_from_the_connector_is_not_retried()
    {
        using var channel = new TestChannel();
        await using var host = new BotTestHost(channel, new BotTestHostOptions { Settings = new() { ["Bot:ConnectorConcurrency"] = "1" } });
        channel.FailNextConnectorCalls(HttpStatusCode.Forbidden);
        var refused = TestChannel.Message("What is CCSVI?");
        var next = TestChannel.Message("What is CCSVI?");

        using var first = await host.PostActivityAsync(refused);
        using var second = await host.PostActivityAsync(next);

        await channel.ReplyToAsync(next.Id!);
        Assert.Equal(2, channel.ConnectorAttempts);
    }

    [Fact]
    public async Task A_multi_tenant_bot_gets_its_token_from_the_Bot_Framework_tenant()
    {
        using var channel = new TestChannel();
        await using var host = new BotTestHost(channel, new BotTestHostOptions { AppType = nameof(BotAppType.MultiTenant) });
        var message = TestChannel.Message("What is CCSVI?");

        using var response = await host.PostActivityAsync(message);

        var reply = await channel.ReplyToAsync(message.Id!);
        Assert.Equal("Bearer connector-token-for-botframework.com", reply.Authorization);
        Assert.All(channel.TokenRequests, uri => Assert.StartsWith("https://login.microsoftonline.com/botframework.com/", uri.AbsoluteUri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_app_id_replies_are_sent_without_a_token()
    {
        using var channel = new TestChannel();
        await using var host = LocalModeTests.Anonymous(channel);
        var message = TestChannel.Message("What is CCSVI?");
        message.ServiceUrl = "http://localhost:3979/";

        using var response = await host.PostActivityAsync(message);

        var reply = await channel.ReplyToAsync(message.Id!);
        Assert.Null(reply.Authorization);
        Assert.Empty(channel.TokenRequests);
    }

    [Fact]
    public async Task The_app_token_is_cached_across_replies()
    {
        using var channel = new TestChannel();
        await using var host = new BotTestHost(channel);
        var first = TestChannel.Message("What is CCSVI?");
        var second = TestChannel.Message("What is CCSVI?");

        using var firstResponse = await host.PostActivityAsync(first);
        await channel.ReplyToAsync(first.Id!);
        using var secondResponse = await host.PostActivityAsync(second);
        await channel.ReplyToAsync(second.Id!);

        Assert.Single(channel.TokenRequests);
    }
}
