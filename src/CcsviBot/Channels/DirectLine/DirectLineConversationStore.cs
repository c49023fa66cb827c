using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.DirectLine;

/// <summary>
/// The live conversations, in memory. Bounded: idle ones expire, and at the cap the one idle the longest is evicted
/// to make room. Each transcript is bounded by <see cref="DirectLineConversation"/> itself.
/// </summary>
internal sealed class DirectLineConversationStore(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<DirectLineConversationStore> logger)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _admission = new();
    private readonly DirectLineOptions _options = options.Value;

    public int Count => _conversations.Count;

    public static string NewConversationId() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 22);

    public static string NewUserId() => "dl_" + RandomNumberGenerator.GetHexString(16, lowercase: true);

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

    /// <summary>Starts the conversation, or returns the live one with that id (<c>created</c> false).</summary>
    public DirectLineConversation GetOrStart(string id, string userId, out bool created)
    {
        var existing = Find(id);
        if (existing is not null)
        {
            created = false;
            return existing;
        }

        lock (_admission)
        {
            if (_conversations.TryGetValue(id, out existing))
            {
                created = false;
                return existing;
            }

            var now = time.GetUtcNow();
            while (_conversations.Count >= _options.MaxConversations && EvictLongestIdle())
            {
            }

            var conversation = new DirectLineConversation(id, userId, _options.MaxActivitiesPerConversation, now);
            _conversations[id] = conversation;
            created = true;
            return conversation;
        }
    }

    /// <summary>Forgets every conversation idle longer than the timeout; returns how many.</summary>
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

    private bool EvictLongestIdle()
    {
        var oldest = _conversations.Values.MinBy(conversation => conversation.LastUsed);
        return oldest is not null && Remove(oldest, "evicted at the cap of " + _options.MaxConversations);
    }

    private bool IsIdle(DirectLineConversation conversation, DateTimeOffset now) =>
        now - conversation.LastUsed >= _options.ConversationIdleTimeout;

    private bool Remove(DirectLineConversation conversation, string reason)
    {
        if (!_conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation)))
        {
            return false;
        }

        conversation.End();
        logger.LogDebug("Direct Line conversation {ConversationId} {Reason}", conversation.Id, reason);
        return true;
    }
}
