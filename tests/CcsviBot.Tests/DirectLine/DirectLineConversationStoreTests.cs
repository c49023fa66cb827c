using CcsviBot.Channels.DirectLine;
using CcsviBot.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CcsviBot.Tests.DirectLine;

public sealed class DirectLineConversationStoreTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void At_the_cap_starting_a_conversation_evicts_the_one_idle_the_longest_and_ends_it()
    {
        var store = Store(new DirectLineOptions { MaxConversations = 2 });
        var oldest = store.GetOrStart("a", "u1", out _);
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.GetOrStart("b", "u2", out _);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(store.Find("a"));
        _clock.Advance(TimeSpan.FromSeconds(1));

        store.GetOrStart("c", "u3", out var created);

        Assert.True(created);
        Assert.Equal(2, store.Count);
        Assert.Null(store.Find("b"));
        Assert.NotNull(store.Find("a"));
        Assert.False(oldest.Ended.IsCancellationRequested);
    }

    [Fact]
    public void Idle_conversations_expire_and_their_streams_are_told()
    {
        var store = Store(new DirectLineOptions { ConversationIdleTimeout = TimeSpan.FromMinutes(10) });
        var idle = store.GetOrStart("idle", "u", out _);
        _clock.Advance(TimeSpan.FromMinutes(6));
        store.GetOrStart("busy", "u", out _);
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, store.RemoveIdle());
        Assert.True(idle.Ended.IsCancellationRequested);
        Assert.Null(store.Find("idle"));
        Assert.NotNull(store.Find("busy"));
    }

    [Fact]
    public void The_transcript_keeps_only_the_latest_activities_and_old_watermarks_resume_at_the_oldest_kept()
    {
        var conversation = new DirectLineConversation("c", "u", capacity: 10, _clock.GetUtcNow());
        for (var i = 1; i <= 25; i++)
        {
            conversation.Append(new Activity { Type = "message", Text = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, _clock.GetUtcNow());
        }

        var fromStart = conversation.ReadAfter(null, includeTyping: true);
        var fromOld = conversation.ReadAfter(3, includeTyping: true);

        Assert.Equal(Enumerable.Range(16, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), fromStart.Activities.Select(a => a.Text));
        Assert.Equal(10, fromOld.Activities.Count);
        Assert.Equal("25", fromStart.Watermark);
        Assert.Equal("c|0000025", fromStart.Activities[^1].Id);
    }

    [Fact]
    public void Timestamps_stay_strictly_increasing_even_when_the_clock_does_not_move()
    {
        var conversation = new DirectLineConversation("c", "u", capacity: 10, _clock.GetUtcNow());

        var first = conversation.Append(new Activity { Type = "message" }, _clock.GetUtcNow());
        var second = conversation.Append(new Activity { Type = "message" }, _clock.GetUtcNow());

        Assert.True(second.Timestamp > first.Timestamp);
        Assert.Equal(TimeSpan.Zero, second.Timestamp!.Value.Offset);
    }

    [Fact]
    public void Typing_is_only_for_live_streams()
    {
        var conversation = new DirectLineConversation("c", "u", capacity: 10, _clock.GetUtcNow());
        conversation.Append(new Activity { Type = "typing" }, _clock.GetUtcNow());
        conversation.Append(new Activity { Type = "message" }, _clock.GetUtcNow());

        Assert.Equal(["message"], conversation.ReadAfter(null, includeTyping: false).Activities.Select(a => a.Type));
        Assert.Equal(2, conversation.ReadAfter(null, includeTyping: true).Activities.Count);
    }

    [Theory]
    [InlineData(null, true, null)]
    [InlineData("", true, null)]
    [InlineData("null", true, null)]
    [InlineData("17", true, 17L)]
    [InlineData("-1", false, null)]
    [InlineData("0000a-42", false, null)]
    public void Watermarks_parse_only_when_this_server_could_have_made_them(string? text, bool valid, long? expected)
    {
        Assert.Equal(valid, DirectLineConversation.TryParseWatermark(text, out var watermark));
        Assert.Equal(expected, watermark);
    }

    private DirectLineConversationStore Store(DirectLineOptions options) =>
        new(Options.Create(options), _clock, NullLogger<DirectLineConversationStore>.Instance);
}
