using System.Globalization;
using System.Text;
using System.Text.Json;
using CcsviBot.Protocol;

namespace CcsviBot.Channels.DirectLine;

/// <summary>
/// A page of a conversation's transcript, each activity as the UTF-8 JSON it is kept as, and the watermark to ask for
/// the next page with. Written out as Direct Line's ActivitySet without parsing anything again.
/// </summary>
internal sealed record ActivitySet(IReadOnlyList<byte[]> Activities, string Watermark)
{
    private static readonly byte[] Start = "{\"activities\":["u8.ToArray();

    public byte[] ToUtf8Json()
    {
        var watermark = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Watermark, ProtocolJson.Options));
        using var buffer = new MemoryStream(Start.Length + Activities.Sum(activity => activity.Length + 1) + watermark.Length + 16);
        buffer.Write(Start);
        for (var i = 0; i < Activities.Count; i++)
        {
            if (i > 0)
            {
                buffer.WriteByte((byte)',');
            }

            buffer.Write(Activities[i]);
        }

        buffer.Write("],\"watermark\":"u8);
        buffer.Write(watermark);
        buffer.WriteByte((byte)'}');
        return buffer.ToArray();
    }
}

/// <summary>What became of an activity offered to a transcript.</summary>
internal enum AppendOutcome
{
    Appended,
    /// <summary>Larger than a whole transcript may be.</summary>
    TooLarge,
    /// <summary>The store's byte budget is spent.</summary>
    StoreFull,
}

/// <summary>
/// The byte budget all transcripts share: what is held is counted exactly (the JSON kept, plus a fixed overhead per
/// conversation and per activity), and what would pass the limit is refused instead of allocated.
/// </summary>
internal sealed class DirectLineByteBudget(long limit)
{
    /// <summary>Counted per activity kept: the array, the queue slot, the sequence number.</summary>
    public const int ActivityOverhead = 64;

    /// <summary>Counted per conversation: its object, ids, lock and signals.</summary>
    public const int ConversationOverhead = 1024;

    private long _held;

    public long Limit { get; } = limit;

    public long Held => Interlocked.Read(ref _held);

    /// <summary>Whether <paramref name="bytes"/> more would still fit.</summary>
    public bool Fits(long bytes) => Held + bytes <= Limit;

    public void Add(long bytes) => Interlocked.Add(ref _held, bytes);

    public void Release(long bytes) => Interlocked.Add(ref _held, -bytes);
}

/// <summary>
/// One Direct Line conversation: its bounded transcript, who takes part, and a signal for live streams.
/// Watermarks are the transcript's sequence numbers: monotonic, and opaque to clients. The transcript keeps each
/// activity as its serialized JSON (what clients are sent), bounded by count and by bytes, and counts those bytes in
/// the shared <see cref="DirectLineByteBudget"/>.
/// </summary>
internal sealed class DirectLineConversation : IDirectLineConversation
{
    private readonly Lock _gate = new();
    private readonly Queue<(long Sequence, bool IsTyping, byte[] Json)> _transcript = new();
    private readonly int _capacity;
    private readonly long _maxBytes;
    private readonly DirectLineByteBudget _budget;
    private readonly CancellationTokenSource _ended = new();
    private TaskCompletionSource _changed = NewSignal();
    private long _lastSequence;
    private long _bytes;
    private DateTimeOffset _lastTimestamp;
    private int _openStreams;
    private bool _released;

    public DirectLineConversation(string id, string userId, string owner, int capacity, long maxBytes, DirectLineByteBudget budget, DateTimeOffset now)
    {
        Id = id;
        UserId = userId;
        Owner = owner;
        _capacity = capacity;
        _maxBytes = maxBytes;
        _budget = budget;
        LastUsed = now;
        _bytes = DirectLineByteBudget.ConversationOverhead;
        budget.Add(_bytes);
    }

    public string Id { get; }

    public string UserId { get; }

    /// <summary>The client address key that started it (per-address fairness).</summary>
    public string Owner { get; }

    /// <summary>When a client last used this conversation; the oldest idle one is evicted first.</summary>
    public DateTimeOffset LastUsed { get; private set; }

    /// <summary>Cancelled when the conversation is expired or evicted, closing its streams.</summary>
    public CancellationToken Ended => _ended.Token;

    /// <summary>Bytes this conversation holds (transcript JSON and overheads), as counted in the budget.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>True while a WebSocket stream is open: a visitor watching the page is not idle.</summary>
    public bool IsStreaming => Volatile.Read(ref _openStreams) > 0;

    public void Touch(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (now > LastUsed)
            {
                LastUsed = now;
            }
        }
    }

    /// <summary>
    /// Appends a client's activity when it fits: refused when it alone is larger than a transcript may be, or when the
    /// store's budget has no room for it and <paramref name="reserve"/> bytes more (the replies it will get).
    /// </summary>
    public AppendOutcome TryAppend(Activity activity, DateTimeOffset now, long reserve) => Add(activity, now, reserve, force: false);

    /// <summary>Appends the bot's activity (always: the visitor's turn was admitted with room for its replies).</summary>
    public Activity Append(Activity activity, DateTimeOffset now)
    {
        Add(activity, now, 0, force: true);
        return activity;
    }

    /// <summary>
    /// Gives the activity the next id and a UTC timestamp later than every earlier one (Web Chat orders by timestamp),
    /// keeps its JSON, drops the oldest beyond the count and byte bounds and wakes the streams.
    /// </summary>
    private AppendOutcome Add(Activity activity, DateTimeOffset now, long reserve, bool force)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            var sequence = _lastSequence + 1;
            var stamped = NextTimestamp(now, _lastTimestamp);
            activity.Id = ActivityId(Id, sequence);
            activity.Timestamp = stamped;
            var json = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options);
            var size = json.Length + DirectLineByteBudget.ActivityOverhead;
            if (!force && size > _maxBytes - DirectLineByteBudget.ConversationOverhead)
            {
                return AppendOutcome.TooLarge;
            }

            if (_released || (!force && !_budget.Fits(size + reserve)))
            {
                return AppendOutcome.StoreFull;
            }

            _lastSequence = sequence;
            _lastTimestamp = stamped;
            _transcript.Enqueue((sequence, activity.Type == "typing", json));
            Count(size);
            while (_transcript.Count > 1 && (_transcript.Count > _capacity || _bytes > _maxBytes))
            {
                var dropped = _transcript.Dequeue();
                Count(-(dropped.Json.Length + DirectLineByteBudget.ActivityOverhead));
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        return AppendOutcome.Appended;
    }

    /// <summary>
    /// The activities after <paramref name="watermark"/> (null: from the start of the kept transcript).
    /// Typing indicators are live only: streams get them, polling does not (as on Azure).
    /// </summary>
    public ActivitySet ReadAfter(long? watermark, bool includeTyping)
    {
        lock (_gate)
        {
            var after = watermark ?? 0;
            var activities = _transcript
                .Where(entry => entry.Sequence > after && (includeTyping || !entry.IsTyping))
                .Select(entry => entry.Json)
                .ToList();
            // Always the head: a watermark a client invented (ahead of the head) is put back on track.
            return new(activities, FormatWatermark(_lastSequence));
        }
    }

    /// <summary>The watermark of everything so far (a reconnect without a watermark only gets what follows).</summary>
    public long Head
    {
        get
        {
            lock (_gate)
            {
                return _lastSequence;
            }
        }
    }

    /// <summary>Completes at the next append. Take it before reading so no activity slips between.</summary>
    public Task NextChange()
    {
        lock (_gate)
        {
            return _changed.Task;
        }
    }

    public bool TryOpenStream(int limit) => Interlocked.Increment(ref _openStreams) <= limit || ReleaseAndFail();

    /// <summary>A stream closing is the visitor's last sign of life: idle time counts from here.</summary>
    public void CloseStream(DateTimeOffset now)
    {
        Touch(now);
        Interlocked.Decrement(ref _openStreams);
    }

    /// <summary>Ends the conversation: streams close and its bytes go back to the budget.</summary>
    public void End()
    {
        lock (_gate)
        {
            if (!_released)
            {
                _released = true;
                _transcript.Clear();
                _budget.Release(_bytes);
                _bytes = 0;
            }
        }

        _ended.Cancel();
    }

    ValueTask<AppendOutcome> IDirectLineConversation.TryAppendAsync(Activity activity, DateTimeOffset now, long reserve, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryAppend(activity, now, reserve));

    ValueTask IDirectLineConversation.AppendAsync(Activity activity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Append(activity, now);
        return ValueTask.CompletedTask;
    }

    ValueTask<ActivitySet?> IDirectLineConversation.ReadAfterAsync(long? watermark, bool includeTyping, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ActivitySet?>(ReadAfter(watermark, includeTyping));

    ValueTask<long> IDirectLineConversation.HeadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Head);

    ValueTask IDirectLineConversation.KeepAliveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // An open stream already keeps an in-memory conversation from being idle (IsStreaming).
        return ValueTask.CompletedTask;
    }

    public static string FormatWatermark(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a watermark this server gave out; empty or missing means from the start.</summary>
    public static bool TryParseWatermark(string? value, out long? watermark)
    {
        watermark = null;
        if (string.IsNullOrEmpty(value) || value == "null")
        {
            return true;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            watermark = parsed;
            return true;
        }

        return false;
    }

    private void Count(long bytes)
    {
        _bytes += bytes;
        _budget.Add(bytes);
    }

    private bool ReleaseAndFail()
    {
        Interlocked.Decrement(ref _openStreams);
        return false;
    }

    /// <summary>An activity's id: the conversation and its sequence number (what Web Chat matches replies by).</summary>
    public static string ActivityId(string conversationId, long sequence) => $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";

    /// <summary>A UTC timestamp later than every earlier one in the transcript (Web Chat orders by timestamp).</summary>
    public static DateTimeOffset NextTimestamp(DateTimeOffset now, DateTimeOffset last)
    {
        var timestamp = now.ToUniversalTime();
        return timestamp > last ? timestamp : last.AddTicks(TimeSpan.TicksPerMillisecond);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
