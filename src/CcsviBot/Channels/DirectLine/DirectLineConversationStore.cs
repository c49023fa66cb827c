using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.DirectLine;

/// <summary>Why a conversation could not start.</summary>
internal enum StartRefusal
{
    None,
    /// <summary>At the conversation cap (or the byte budget) with every conversation active within the protection window.</summary>
    Full,
    /// <summary>The client address already holds its share of conversations.</summary>
    AddressLimit,
}

/// <summary>The outcome of starting a conversation: the conversation (created or already live), or a refusal and when to retry.</summary>
internal readonly record struct ConversationStart(IDirectLineConversation? Conversation, bool Created, StartRefusal Refusal, TimeSpan RetryAfter);

/// <summary>
/// The live conversations, in this process's memory. Bounded three ways: idle ones expire; at the cap (count or bytes)
/// the one idle the longest is evicted if it has been idle at least the protection window, else the start is refused;
/// and one client address holds at most <see cref="DirectLineOptions.MaxConversationsPerAddress"/>.
/// </summary>
internal sealed class InMemoryDirectLineConversationStore(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<InMemoryDirectLineConversationStore> logger)
    : IDirectLineConversationStore
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perOwner = new(StringComparer.Ordinal);
    private readonly Lock _admission = new();
    private readonly DirectLineOptions _options = options.Value;
    private readonly DirectLineByteBudget _budget = new(options.Value.MaxStoreBytes);

    public int Count => _conversations.Count;

    /// <summary>Bytes held by all transcripts and conversations, as counted against the budget.</summary>

    public long BytesHeld => _budget.Held;

    public static string NewConversationId() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 22);

    public static string NewUserId() => "dl_" + RandomNumberGenerator.GetHexString(16, lowercase: true);

    public ValueTask<IDirectLineConversation?> FindAsync(string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IDirectLineConversation?>(Find(id));

    public ValueTask<ConversationStart> StartAsync(string id, string userId, string owner, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Start(id, userId, owner));

    public ValueTask<int> RemoveIdleAsync(CancellationToken cancellationToken) => ValueTask.FromResult(RemoveIdle());

    /// <summary>The conversation if it is live; using it counts as activity.</summary>
    public DirectLineConversation? Find(string id)
    {
        if (!_conversations.TryGetValue(id, out var conversation))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (IsIdle(conversation, now))
        {
            Remove(conversation, "expired");
            return null;
        }

        conversation.Touch(now);
        return conversation;
    }

    /// <summary>Starts the conversation for <paramref name="owner"/> (a client address key), or returns the live one with that id.</summary>
    public ConversationStart Start(string id, string userId, string owner)
    {
        if (Find(id) is { } existing)
        {
            return new(existing, false, StartRefusal.None, TimeSpan.Zero);
        }

        lock (_admission)
        {
            if (_conversations.TryGetValue(id, out existing))
            {
                return new(existing, false, StartRefusal.None, TimeSpan.Zero);
            }

            var now = time.GetUtcNow();
            if (_perOwner.GetValueOrDefault(owner) >= _options.MaxConversationsPerAddress)
            {
                // The address's own oldest conversation frees up when it expires.
                var oldest = _conversations.Values.Where(c => c.Owner == owner).Min(c => (DateTimeOffset?)c.LastUsed) ?? now;
                return new(null, false, StartRefusal.AddressLimit, Clamp(oldest + _options.ConversationIdleTimeout - now));
            }

            while (_conversations.Count >= _options.MaxConversations || !_budget.Fits(DirectLineByteBudget.ConversationOverhead + _options.MaxActivityBytes))
            {
                var candidate = _conversations.Values.Where(c => !c.IsStreaming).MinBy(c => c.LastUsed);
                var protectedFor = candidate is null ? _options.EvictionProtection : candidate.LastUsed + _options.EvictionProtection - now;
                if (candidate is null || protectedFor > TimeSpan.Zero)
                {
                    logger.LogWarning("Direct Line is full ({Count} conversations, {Bytes:N0} bytes): every conversation is in use, a new one is refused", Count, BytesHeld);
                    return new(null, false, StartRefusal.Full, Clamp(protectedFor));
                }

                Remove(candidate, "evicted at the cap");
            }

            var conversation = new DirectLineConversation(id, userId, owner, _options.MaxActivitiesPerConversation, _options.MaxBytesPerConversation, _budget, now);
            _conversations[id] = conversation;
            _perOwner[owner] = _perOwner.GetValueOrDefault(owner) + 1;
            return new(conversation, true, StartRefusal.None, TimeSpan.Zero);
        }
    }

    /// <summary>Forgets every conversation idle longer than the timeout (an open stream is not idle); returns how many.</summary>
    public int RemoveIdle()
    {
        var now = time.GetUtcNow();
        var removed = 0;
        foreach (var conversation in _conversations.Values)
        {
            if (IsIdle(conversation, now) && Remove(conversation, "expired"))
            {
                removed++;
            }
        }

        return removed;
    }

    private bool IsIdle(DirectLineConversation conversation, DateTimeOffset now) =>
        !conversation.IsStreaming && now - conversation.LastUsed >= _options.ConversationIdleTimeout;

    private bool Remove(DirectLineConversation conversation, string reason)
    {
        if (!_conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation)))
        {
            return false;
        }

        lock (_admission)
        {
            if (_perOwner.TryGetValue(conversation.Owner, out var count))
            {
                if (count <= 1)
                {
                    _perOwner.Remove(conversation.Owner);
                }
                else
                {
                    _perOwner[conversation.Owner] = count - 1;
                }
            }
        }

        conversation.End();
        logger.LogDebug("Direct Line conversation {ConversationId} {Reason}", conversation.Id, reason);
        return true;
    }

    private static TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
}

/// <summary>Sweeps idle conversations away so memory does not hold abandoned chats.</summary>
internal sealed class DirectLineConversationSweeper(IDirectLineConversationStore store, IOptions<DirectLineOptions> options, TimeProvider time, ILogger<DirectLineConversationSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var removed = await store.RemoveIdleAsync(stoppingToken).ConfigureAwait(false);
                if (removed > 0)
                {
                    logger.LogInformation("Expired {Count} idle Direct Line conversations", removed);
                }
            }
            catch (DirectLineStoreUnavailableException exception)
            {
                // The next tick tries again; idle conversations wait a little longer to go.
                logger.LogWarning(exception, "Sweeping idle Direct Line conversations failed: the store is unreachable");
            }
        }
    }
}
