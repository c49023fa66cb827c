using System.Buffers.Text;

namespace CcsviBot.Channels.DirectLine;

/// <summary>What a bearer credential grants: one conversation (token), or everything (site secret).</summary>
internal sealed record DirectLineGrant(string? ConversationId, string? UserId, DateTimeOffset Expires)
{
    public bool IsSecret => ConversationId is null;

    /// <summary>Whether this grant may act on <paramref name="conversationId"/>.</summary>
    public bool Covers(string conversationId) => IsSecret || string.Equals(ConversationId, conversationId, StringComparison.Ordinal);
}
