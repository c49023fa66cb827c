using CcsviBot.Channels.DirectLine;
using CcsviBot.Protocol;

namespace CcsviBot.Scaling;

/// <summary>
/// A handle on one conversation kept in Redis, made per request: its state is all in Redis, and its streams on this
/// instance are woken through <see cref="RedisStreamSignals"/> whichever instance appended.
/// </summary>
internal sealed class RedisDirectLineConversation(string id, string userId, RedisDirectLineStore store, RedisStreamSignals signals) : IDirectLineConversation
{
    public string Id { get; } = id;

    public string UserId { get; } = userId;

    /// <summary>An ended conversation is noticed when a read finds it gone (its end is signalled like a change).</summary>
    public CancellationToken Ended => CancellationToken.None;

    public async ValueTask<AppendOutcome> TryAppendAsync(Activity activity, DateTimeOffset now, long reserve, CancellationToken cancellationToken) =>
        await store.AppendAsync(Id, activity, now, reserve, force: false).ConfigureAwait(false);

    public async ValueTask AppendAsync(Activity activity, DateTimeOffset now, CancellationToken cancellationToken) =>
        await store.AppendAsync(Id, activity, now, 0, force: true).ConfigureAwait(false);

    public async ValueTask<ActivitySet?> ReadAfterAsync(long? watermark, bool includeTyping, CancellationToken cancellationToken) =>
        await store.ReadAfterAsync(Id, watermark, includeTyping).ConfigureAwait(false);

    public async ValueTask<long> HeadAsync(CancellationToken cancellationToken)
    {
        var set = await store.ReadAfterAsync(Id, long.MaxValue, includeTyping: false).ConfigureAwait(false);
        return set is not null && DirectLineConversation.TryParseWatermark(set.Watermark, out var head) && head is { } value ? value : 0;
    }

    public Task NextChange() => signals.NextChange(Id);

    public bool TryOpenStream(int limit) => signals.TryOpen(Id, limit);

    public void CloseStream(DateTimeOffset now) => signals.Close(Id);

    public async ValueTask KeepAliveAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await store.TouchAsync(Id, now).ConfigureAwait(false);
}
