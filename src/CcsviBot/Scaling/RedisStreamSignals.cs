using System.Collections.Concurrent;

namespace CcsviBot.Scaling;

/// <summary>
/// Wakes this instance's open streams when their conversation changes on any instance: Redis publishes each changed
/// conversation's id (<see cref="RedisKeys.ConversationChanged"/>), <see cref="RedisSubscriptions"/> hands it here.
/// A woken stream reads after its own watermark, so a signal repeated or merged never sends an activity twice, and
/// one lost while Redis reconnects only delays it until the stream's next keep-alive read.
/// </summary>
internal sealed class RedisStreamSignals
{
    private readonly ConcurrentDictionary<string, Watch> _watched = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public bool TryOpen(string conversationId, int limit)
    {
        lock (_gate)
        {
            var watch = _watched.GetOrAdd(conversationId, _ => new Watch());
            if (watch.Streams >= limit)
            {
                return false;
            }

            watch.Streams++;
            return true;
        }
    }

    public void Close(string conversationId)
    {
        lock (_gate)
        {
            if (_watched.TryGetValue(conversationId, out var watch) && --watch.Streams <= 0)
            {
                _watched.TryRemove(conversationId, out _);
            }
        }
    }

    /// <summary>Completes at the conversation's next change; for a conversation with no stream here, at once.</summary>
    public Task NextChange(string conversationId) =>
        _watched.TryGetValue(conversationId, out var watch) ? watch.Next : Task.CompletedTask;

    public void Changed(string conversationId)
    {
        if (_watched.TryGetValue(conversationId, out var watch))
        {
            watch.Signal();
        }
    }

    private sealed class Watch
    {
        private TaskCompletionSource _changed = New();

        public int Streams { get; set; }

        public Task Next => Volatile.Read(ref _changed).Task;

        public void Signal() => Interlocked.Exchange(ref _changed, New()).TrySetResult();

        private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
