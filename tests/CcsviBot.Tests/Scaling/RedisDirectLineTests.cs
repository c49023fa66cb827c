using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CcsviBot.Tests.DirectLine;
using static CcsviBot.Tests.Scaling.RedisInstances;

namespace CcsviBot.Tests.Scaling;

/// <summary>Two real instances of the host sharing one Redis: a visitor may land on either, on every request.</summary>
public sealed class RedisDirectLineTests : RedisTestClass
{
    [RedisFact]
    public async Task A_conversation_started_on_A_continues_on_B_and_reaches_A_by_GET_and_by_its_open_stream_in_order_once()
    {
        using var a = await StartReadyAsync(Prefix);
        using var b = await StartReadyAsync(Prefix);
        var onA = a.CreateClient();
        var onB = b.CreateClient();
        var conversation = await a.StartConversationAsync(onA);
        using var stream = await a.Server.CreateWebSocketClient().ConnectAsync(new Uri(conversation.StreamUrl), CancellationToken.None);

        using (var posted = await PostMessageAsync(onB, conversation, "first, posted on B"))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        using (var posted = await PostMessageAsync(onB, conversation, "second, posted on B"))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var streamed = await ReceiveUntilAsync(stream, "You asked: second, posted on B");
        var texts = streamed.Select(activity => activity["text"]?.GetValue<string>() ?? "").ToList();
        Assert.Equal([RecordingTurnHandler.WelcomeText, "first, posted on B", "You asked: first, posted on B", "second, posted on B", "You asked: second, posted on B"], texts);
        var ids = streamed.Select(activity => activity["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);

        var read = await ReadAsync(onA, conversation);
        Assert.Equal(texts, read.Texts);
        Assert.Equal(ids, read.Ids);
    }

    [RedisFact]
    public async Task When_A_stops_mid_conversation_B_carries_on_and_the_client_resumes_from_its_watermark_with_nothing_lost_or_repeated()
    {
        using var b = await StartReadyAsync(Prefix);
        var onB = b.CreateClient();
        StartedConversation conversation;
        string watermark;
        using (var a = await StartReadyAsync(Prefix))
        {
            var onA = a.CreateClient();
            conversation = await a.StartConversationAsync(onA);
            (await PostMessageAsync(onA, conversation, "asked on A")).Dispose();
            var seen = await ReadAsync(onA, conversation);
            Assert.Equal([RecordingTurnHandler.WelcomeText, "asked on A", "You asked: asked on A"], seen.Texts);
            watermark = seen.Watermark;
        }

        using (var posted = await PostMessageAsync(onB, conversation, "asked on B after A stopped"))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var resumed = await ReadAsync(onB, conversation, watermark);
        Assert.Equal(["asked on B after A stopped", "You asked: asked on B after A stopped"], resumed.Texts);

        // The stream a reconnecting DirectLineJS opens on B replays from the same watermark.
        using var reconnect = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversation.Id}?watermark={watermark}");
        reconnect.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        using var reconnected = await onB.SendAsync(reconnect);
        Assert.Equal(HttpStatusCode.OK, reconnected.StatusCode);
        var streamUrl = (await reconnected.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!.GetValue<string>();
        using var stream = await b.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        var streamed = await ReceiveUntilAsync(stream, "You asked: asked on B after A stopped");
        Assert.Equal(resumed.Ids, streamed.Select(activity => activity["id"]!.GetValue<string>()));
    }

    [RedisFact]
    public async Task A_token_issued_by_A_is_accepted_by_B()
    {
        using var a = await StartReadyAsync(Prefix);
        using var b = await StartReadyAsync(Prefix);
        var page = await a.CreateClient().PostAsync("/api/directline/token", null);
        var token = (await page.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();

        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await b.CreateClient().SendAsync(start);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);

        using var refresh = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/refresh");
        refresh.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var refreshed = await a.CreateClient().SendAsync(refresh);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    [RedisFact]
    public async Task The_message_rate_limit_is_counted_across_both_instances()
    {
        using var a = await StartReadyAsync(Prefix);
        using var b = await StartReadyAsync(Prefix);
        var onA = a.CreateClient();
        var onB = b.CreateClient();
        var conversation = await a.StartConversationAsync(onA);

        // DirectLineTestHost allows 6 messages a minute per conversation: 3 on each instance, then the 7th is refused.
        for (var i = 0; i < 3; i++)
        {
            using var onFirst = await PostMessageAsync(onA, conversation, $"A{i}");
            Assert.Equal(HttpStatusCode.OK, onFirst.StatusCode);
            using var onSecond = await PostMessageAsync(onB, conversation, $"B{i}");
            Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        }

        using var refused = await PostMessageAsync(onA, conversation, "one too many");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var wait = refused.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [RedisFact]
    public async Task The_conversation_cap_is_shared()
    {
        var settings = new Dictionary<string, string> { ["DirectLine:MaxConversations"] = "2" };
        using var a = await StartReadyAsync(Prefix, settings: settings);
        using var b = await StartReadyAsync(Prefix, settings: settings);
        await a.StartConversationAsync(a.CreateClient());
        await b.StartConversationAsync(b.CreateClient());

        var page = await a.CreateClient().PostAsync("/api/directline/token", null);
        var token = (await page.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var third = await a.CreateClient().SendAsync(start);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
    }
}
