using System.Net;
using System.Net.Http.Headers;
using CcsviBot.Channels.DirectLine;
using CcsviBot.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using static CcsviBot.Tests.Scaling.RedisInstances;

namespace CcsviBot.Tests.Scaling;

/// <summary>The in-memory store's bounds hold in Redis too: activities per conversation, and expiry when idle.</summary>
public sealed class RedisDirectLineBudgetTests : RedisTestClass
{
    [RedisFact]
    public async Task A_transcript_in_Redis_keeps_its_latest_activities_only_and_watermarks_stay_monotonic()
    {
        var settings = new Dictionary<string, string> { ["DirectLine:MessagesPerMinute"] = "1000" };
        using var a = await StartReadyAsync(Prefix, settings: settings);
        using var b = await StartReadyAsync(Prefix, settings: settings);
        var onA = a.CreateClient();
        var onB = b.CreateClient();
        var conversation = await a.StartConversationAsync(onA);
        for (var i = 0; i < 25; i++)
        {
            using var posted = await PostMessageAsync(i % 2 == 0 ? onA : onB, conversation, $"question {i}");
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        // DirectLineTestHost keeps 40 activities: the welcome and 25 questions with their answers are 51, so the oldest 11 went.
        var kept = await ReadAsync(onB, conversation);
        Assert.Equal(40, kept.Texts.Count);
        Assert.Equal("You asked: question 24", kept.Texts[^1]);
        Assert.Equal("question 5", kept.Texts[0]);
        Assert.Equal("51", kept.Watermark);
        Assert.Equal(kept.Ids.Order(StringComparer.Ordinal), kept.Ids);
    }

    [RedisFact]
    public async Task A_conversation_idle_past_the_timeout_is_swept_away_for_every_instance()
    {
        using var a = await StartReadyAsync(Prefix);
        using var b = await StartReadyAsync(Prefix);
        var conversation = await a.StartConversationAsync(a.CreateClient());

        a.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(1, await a.Services.GetRequiredService<IDirectLineConversationStore>().RemoveIdleAsync(CancellationToken.None));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversation.Id}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        using var read = await b.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }
}
