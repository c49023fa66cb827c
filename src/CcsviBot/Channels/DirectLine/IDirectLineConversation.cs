using CcsviBot.Protocol;

namespace CcsviBot.Channels.DirectLine;

/// <summary>
/// One live Direct Line conversation as the endpoints, the bot and the streams use it, wherever it is kept (this
/// process's memory, or Redis shared by every instance). Watermarks are the transcript's sequence numbers.
/// </summary>
internal interface IDirectLineConversation
{
    string Id { get; }

    string UserId { get; }

    /// <summary>Cancelled when this process learns the conversation ended (expiry, eviction, shutdown).</summary>
    CancellationToken Ended { get; }

    /// <summary>
    /// Appends a client's activity when it fits: refused when it alone is larger than a transcript may be, or when the
    /// store's budget has no room for it and <paramref name="reserve"/> bytes more (the replies it will get).
    /// </summary>
    ValueTask<AppendOutcome> TryAppendAsync(Activity activity, DateTimeOffset now, long reserve, CancellationToken cancellationToken);

    /// <summary>Appends the bot's activity (always: the visitor's turn was admitted with room for its replies).</summary>
    ValueTask AppendAsync(Activity activity, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The activities after <paramref name="watermark"/>; null when the conversation has ended meanwhile.</summary>
    ValueTask<ActivitySet?> ReadAfterAsync(long? watermark, bool includeTyping, CancellationToken cancellationToken);

    /// <summary>The watermark of everything so far.</summary>
    ValueTask<long> HeadAsync(CancellationToken cancellationToken);

    /// <summary>Completes at the next append (on any instance). Take it before reading so no activity slips between.</summary>
    Task NextChange();

    /// <summary>Counts a stream opening here; false when this conversation already has <paramref name="limit"/> open.</summary>
    bool TryOpenStream(int limit);

    /// <summary>A stream closing is the visitor's last sign of life: idle time counts from here.</summary>
    void CloseStream(DateTimeOffset now);

    /// <summary>An open stream's periodic sign of life: a watched conversation is not idle.</summary>
    ValueTask KeepAliveAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
