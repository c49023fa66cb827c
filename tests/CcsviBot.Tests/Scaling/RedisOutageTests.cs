using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CcsviBot.Tests.DirectLine;
using static CcsviBot.Tests.Scaling.RedisInstances;

namespace CcsviBot.Tests.Scaling;

/// <summary>Redis goes away mid-conversation and comes back: Direct Line says "later", the rest of the bot carries on.</summary>
public sealed class RedisOutageTests
{
    [RedisFact]
    public async Task While_Redis_is_down_Direct_Line_answers_503_with_Retry_After_and_is_not_ready_and_afterwards_resumes_with_nothing_acknowledged_lost()
    {
        using var redis = new PrivateRedisServer();
        await redis.StartAsync();
        var prefix = NewPrefix();
        using var a = await StartReadyAsync(prefix, redis.ConnectionString);
        using var b = await StartReadyAsync(prefix, redis.ConnectionString);
        var onA = a.CreateClient();
        var onB = b.CreateClient();
        var conversation = await a.StartConversationAsync(onA);
        using (var acknowledged = await PostMessageAsync(onB, conversation, "acknowledged before the outage"))
        {
            Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        }

        await DirectLineTestHost.WaitUntilReadyAsync(onA);
        await redis.StopAsync();

        using (var refused = await PostMessageAsync(onA, conversation, "sent during the outage"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            var error = (await refused.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;
            Assert.Equal("ServiceUnavailable", error["code"]!.GetValue<string>());
            Assert.Contains("conversation store is unreachable", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        using (var page = await onB.PostAsync("/api/directline/token", null))
        {
            // The page token needs no store, but its rate limit is counted there: the same 503, not a 500.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        }

        using (var ready = await onA.GetAsync("/healthz/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        // What needs no Redis keeps answering: liveness, and the Bot Framework endpoint (it refuses this anonymous
        // request as it always does, rather than failing for want of Redis).
        using (var live = await onA.GetAsync("/healthz/live"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        using (var messages = await onA.PostAsync("/api/messages", JsonContent.Create(new { type = "message", text = "hello" })))
        {
            Assert.NotEqual(HttpStatusCode.ServiceUnavailable, messages.StatusCode);
            Assert.NotEqual(HttpStatusCode.InternalServerError, messages.StatusCode);
        }

        // StackExchange.Redis reconnects on its own heartbeat (about a second).
        await redis.StartAsync();
        await DirectLineTestHost.WaitUntilReadyAsync(onA);
        await DirectLineTestHost.WaitUntilReadyAsync(onB);

        var after = await ReadAsync(onB, conversation);
        Assert.Equal([RecordingTurnHandler.WelcomeText, "acknowledged before the outage", "You asked: acknowledged before the outage"], after.Texts);
        using (var resumed = await PostMessageAsync(onA, conversation, "sent after the outage"))
        {
            Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        }

        var next = await ReadAsync(onB, conversation, after.Watermark);
        Assert.Equal(["sent after the outage", "You asked: sent after the outage"], next.Texts);
    }
}
