using System.Globalization;
using CcsviBot.Protocol;

namespace CcsviBot.Channels.DirectLine;

/// <summary>
/// One Direct Line conversation: its bounded transcript, who takes part, and a signal for live streams.
/// Watermarks are the transcript's sequence numbers: monotonic, and opaque to clients.
/// </summary>
internal sealed class DirectLineConversation
{
    private readonly Lock _gate = new();
    private readonly Queue<(long Sequence, Activity Activity)> _transcript = new();
    private readonly int _capacity;
    private readonly CancellationTokenSource _ended = new();
    private TaskCompletionSource _changed = NewSignal();
    private long _lastSequence;
    private DateTimeOffset _lastTimestamp;
    private int _openStreams;

    public DirectLineConversation(string id, string userId, int capacity, DateTimeOffset now)
    {
        Id = id;
        UserId = userId;
        _capacity = capacity;
        LastUsed = now;
    }

    public string Id { get; }

    public string UserId { get; }

    /// <summary>When a client last used this conversation; the oldest idle one is evicted first.</summary>
    public DateTimeOffset LastUsed { get; private set; }

    /// <summary>Cancelled when the conversation is expired or evicted, closing its streams.</summary>
    public CancellationToken Ended => _ended.Token;

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
    /// Gives the activity the next id and a UTC timestamp later than every earlier one (Web Chat orders by timestamp),
    /// appends it, drops the oldest beyond capacity and wakes the streams.
    /// </summary>
    public Activity Append(Activity activity, DateTimeOffset now)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _lastSequence++;
            var timestamp = now.ToUniversalTime();
            _lastTimestamp = timestamp > _lastTimestamp ? timestamp : _lastTimestamp.AddTicks(TimeSpan.TicksPerMillisecond);
            activity.Id = ActivityId(_lastSequence);
            activity.Timestamp = _lastTimestamp;
            _transcript.Enqueue((_lastSequence, activity));
            while (_transcript.Count > _capacity)
            {
                _transcript.Dequeue();
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        return activity;
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
                .Where(entry => entry.Sequence > after && (includeTyping || entry.Activity.Type != "typing"))
                .Select(entry => entry.Activity)
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

    /// <summary>Completes at the next <see cref="Append"/>. Take it before reading so no activity slips between.</summary>
    public Task NextChange()
    {
        lock (_gate)
        {
            return _changed.Task;
        }
    }

    public bool TryOpenStream(int limit) => Interlocked.Increment(ref _openStreams) <= limit || ReleaseAndFail();

    public void CloseStream() => Interlocked.Decrement(ref _openStreams);

    public void End() => _ended.Cancel();

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

    private bool ReleaseAndFail()
    {
        Interlocked.Decrement(ref _openStreams);
        return false;
    }

    private string ActivityId(long sequence) => $"{Id}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
