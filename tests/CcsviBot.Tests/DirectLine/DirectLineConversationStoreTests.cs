using CcsviBot.Channels.DirectLine;
using CcsviBot.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CcsviBot.Tests.DirectLine;

public sealed class DirectLineConversationStoreTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void At_the_cap_starting_a_conversation_evicts_the_one_idle_the_longest_past_the_protection_window_and_ends_it()
    {
        var store = Store(new DirectLineOptions { MaxConversations = 2, EvictionProtection = TimeSpan.FromMinutes(5) });
        var oldest = Start(store, "a", "u1");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var idle = Start(store, "b", "u2");
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.NotNull(store.Find("a"));
        _clock.Advance(TimeSpan.FromSeconds(1));

        var started = store.Start("c", "u3", "address-3");

        Assert.True(started.Created);
        Assert.Equal(2, store.Count);
        Assert.Null(store.Find("b"));
        Assert.True(idle.Ended.IsCancellationRequested);
        Assert.NotNull(store.Find("a"));
        Assert.False(oldest.Ended.IsCancellationRequested);
    }

    [Fact]
    public void At_the_cap_a_conversation_active_within_the_protection_window_is_never_evicted_and_the_start_is_refused_with_a_wait()
    {
        var store = Store(new DirectLineOptions { MaxConversations = 2, EvictionProtection = TimeSpan.FromMinutes(10) });
        var first = Start(store, "a", "u1");
        _clock.Advance(TimeSpan.FromMinutes(4));
        var second = Start(store, "b", "u2");

        // A few hundred addresses each starting conversations must not push live visitors out.
        var refused = store.Start("c", "u3", "address-3");

        Assert.Equal(StartRefusal.Full, refused.Refusal);
        Assert.Null(refused.Conversation);
        Assert.Equal(TimeSpan.FromMinutes(6), refused.RetryAfter);
        Assert.False(first.Ended.IsCancellationRequested);
        Assert.False(second.Ended.IsCancellationRequested);
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public void One_address_holds_at_most_its_share_of_conversations_and_an_ipv6_host_counts_as_its_64()
    {
        var store = Store(new DirectLineOptions { MaxConversationsPerAddress = 2 });
        var owner = ClientAddress.Key(System.Net.IPAddress.Parse("2001:db8:1:2::17"));
        Assert.Equal(owner, ClientAddress.Key(System.Net.IPAddress.Parse("2001:db8:1:2:ffff::1")));
        Assert.Equal("203.0.113.5", ClientAddress.Key(System.Net.IPAddress.Parse("::ffff:203.0.113.5")));

        Assert.True(store.Start("a", "u", owner).Created);
        Assert.True(store.Start("b", "u", owner).Created);
        var third = store.Start("c", "u", owner);
        var elsewhere = store.Start("d", "u", "198.51.100.1");

        Assert.Equal(StartRefusal.AddressLimit, third.Refusal);
        Assert.True(elsewhere.Created);
    }

    [Fact]
    public void An_open_stream_keeps_a_conversation_alive_past_the_idle_timeout()
    {
        var store = Store(new DirectLineOptions { ConversationIdleTimeout = TimeSpan.FromMinutes(1) });
        var watched = Start(store, "watched", "u");
        Assert.True(watched.TryOpenStream(1));

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, store.RemoveIdle());
        Assert.NotNull(store.Find("watched"));
        watched.CloseStream(_clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, store.RemoveIdle());
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, store.RemoveIdle());
    }

    [Fact]
    public void Bytes_held_are_counted_per_activity_bounded_per_conversation_and_released_when_a_conversation_ends()
    {
        var store = Store(new DirectLineOptions { MaxBytesPerConversation = 64 * 1024, MaxStoreBytes = 1024 * 1024, MaxActivitiesPerConversation = 10_000 });
        var empty = store.BytesHeld;
        var conversation = Start(store, "c", "u");
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(AppendOutcome.Appended, conversation.TryAppend(new Activity { Type = "message", Text = new string('x', 2_000) }, _clock.GetUtcNow(), 0));
        }

        Assert.InRange(conversation.Bytes, 60 * 1024, 64 * 1024);
        Assert.Equal(conversation.Bytes, store.BytesHeld - empty);
        Assert.Equal(AppendOutcome.TooLarge, conversation.TryAppend(new Activity { Type = "message", Text = new string('x', 70_000) }, _clock.GetUtcNow(), 0));

        _clock.Advance(TimeSpan.FromHours(2));
        store.RemoveIdle();
        Assert.Equal(empty, store.BytesHeld);
    }

    [Fact]
    public void Past_the_store_budget_activities_and_new_conversations_are_refused_not_allocated()
    {
        var store = Store(new DirectLineOptions
        {
            MaxBytesPerConversation = 600 * 1024, MaxStoreBytes = 1024 * 1024, MaxActivitiesPerConversation = 10_000, MaxActivityBytes = 64 * 1024,
        });
        var first = Start(store, "a", "u");
        var second = Start(store, "b", "u");
        var outcomes = Enumerable.Range(0, 200)
            .Select(i => (i % 2 == 0 ? first : second).TryAppend(new Activity { Type = "message", Text = new string('y', 8_000) }, _clock.GetUtcNow(), 0))
            .ToList();

        Assert.Contains(AppendOutcome.StoreFull, outcomes);
        Assert.True(store.BytesHeld <= 1024 * 1024);
        Assert.Equal(StartRefusal.Full, store.Start("c", "u", "address-3").Refusal);
    }

    [Fact]
    public void Idle_conversations_expire_and_their_streams_are_told()
    {
        var store = Store(new DirectLineOptions { ConversationIdleTimeout = TimeSpan.FromMinutes(10) });
        var idle = Start(store, "idle", "u");
        _clock.Advance(TimeSpan.FromMinutes(6));
        Start(store, "busy", "u");
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, store.RemoveIdle());
        Assert.True(idle.Ended.IsCancellationRequested);
        Assert.Null(store.Find("idle"));
        Assert.NotNull(store.Find("busy"));
    }

    [Fact]
    public void The_transcript_keeps_only_the_latest_activities_and_old_watermarks_resume_at_the_oldest_kept()
    {
        var conversation = Conversation(capacity: 10);
        for (var i = 1; i <= 25; i++)
        {
            conversation.Append(new Activity { Type = "message", Text = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, _clock.GetUtcNow());
        }

        var fromStart = conversation.ReadAfter(null, includeTyping: true);
        var fromOld = conversation.ReadAfter(3, includeTyping: true);

        Assert.Equal(Enumerable.Range(16, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Read(fromStart).Select(a => a.Text));
        Assert.Equal(10, fromOld.Activities.Count);
        Assert.Equal("25", fromStart.Watermark);
        Assert.Equal("c|0000025", Read(fromStart)[^1].Id);
    }

    [Fact]
    public void Timestamps_stay_strictly_increasing_even_when_the_clock_does_not_move()
    {
        var conversation = Conversation(capacity: 10);

        var first = conversation.Append(new Activity { Type = "message" }, _clock.GetUtcNow());
        var second = conversation.Append(new Activity { Type = "message" }, _clock.GetUtcNow());

        Assert.True(second.Timestamp > first.Timestamp);
        Assert.Equal(TimeSpan.Zero, second.Timestamp!.Value.Offset);
    }

    [Fact]
    public void Typing_is_only_for_live_streams()
    {
        var conversation = Conversation(capacity: 10);
        conversation.Append(new Activity { Type = "typing" }, _clock.GetUtcNow());
        conversation.Append(new Activity { Type = "message" }, _clock.GetUtcNow());

        Assert.Equal(["message"], Read(conversation.ReadAfter(null, includeTyping: false)).Select(a => a.Type));
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

    private InMemoryDirectLineConversationStore Store(DirectLineOptions options) =>
        new(Options.Create(options), _clock, NullLogger<InMemoryDirectLineConversationStore>.Instance);

    private static DirectLineConversation Start(InMemoryDirectLineConversationStore store, string id, string userId) =>
        (DirectLineConversation)store.Start(id, userId, "address-" + id).Conversation!;

    private DirectLineConversation Conversation(int capacity) =>
        new("c", "u", "address", capacity, 1024 * 1024, new DirectLineByteBudget(long.MaxValue), _clock.GetUtcNow());

    private static List<Activity> Read(ActivitySet set) =>
        set.Activities.Select(json => System.Text.Json.JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options)!).ToList();
}
