namespace CcsviBot.Channels.DirectLine;

/// <summary>
/// Where Direct Line conversations live. Every implementation bounds the bytes it holds
/// (<see cref="DirectLineOptions.MaxStoreBytes"/>), never evicts a conversation used within
/// <see cref="DirectLineOptions.EvictionProtection"/>, and bounds the conversations per client address.
/// A store that cannot be reached throws <see cref="DirectLineStoreUnavailableException"/>.
/// </summary>
internal interface IDirectLineConversationStore
{
    /// <summary>Live conversations (a shared store: as of its last sweep, for metrics).</summary>
    int Count { get; }

    /// <summary>Bytes held by all transcripts and conversations, as counted against the budget (a shared store: as of its last sweep).</summary>
    long BytesHeld { get; }

    /// <summary>The conversation if it is live; using it counts as activity.</summary>
    ValueTask<IDirectLineConversation?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Starts the conversation for <paramref name="owner"/> (a client address key), or returns the live one with that id.</summary>
    ValueTask<ConversationStart> StartAsync(string id, string userId, string owner, CancellationToken cancellationToken);

    /// <summary>Forgets every conversation idle longer than the timeout (an open stream is not idle); returns how many.</summary>
    ValueTask<int> RemoveIdleAsync(CancellationToken cancellationToken);
}
