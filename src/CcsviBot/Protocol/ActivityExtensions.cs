using System.Text.Json.Nodes;

namespace CcsviBot.Protocol;

public static class ActivityExtensions
{
    /// <summary>
    /// A message answering <paramref name="incoming"/>: from/recipient swapped, same conversation, channel, service URL
    /// and locale, <c>replyToId</c> = the incoming id. No id or timestamp: the channel assigns those.
    /// </summary>
    public static Activity CreateReply(this Activity incoming) => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = incoming.ServiceUrl,
        ChannelId = incoming.ChannelId,
        From = incoming.Recipient is null ? null : new ChannelAccount { Id = incoming.Recipient.Id, Name = incoming.Recipient.Name, Role = "bot" },
        Recipient = incoming.From is null ? null : new ChannelAccount { Id = incoming.From.Id, Name = incoming.From.Name, AadObjectId = incoming.From.AadObjectId, Role = incoming.From.Role },
        Conversation = incoming.Conversation is null ? null : new ConversationAccount
        {
            Id = incoming.Conversation.Id,
            Name = incoming.Conversation.Name,
            IsGroup = incoming.Conversation.IsGroup,
            ConversationType = incoming.Conversation.ConversationType,
            TenantId = incoming.Conversation.TenantId,
        },
        ReplyToId = incoming.Id,
        Locale = incoming.Locale,
    };

    /// <summary>
    /// The message text without the @mention of the bot itself (Teams channels and group chats prefix it, e.g.
    /// <c>&lt;at&gt;CcsviBot&lt;/at&gt; what is CCSVI?</c>), trimmed. Same rule as the Bot Framework SDK's RemoveRecipientMention.
    /// </summary>
    public static string TextWithoutRecipientMention(this Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(botId) || activity.Entities is null)
        {
            return text.Trim();
        }

        foreach (var entity in activity.Entities)
        {
            if (!string.Equals(entity.GetString("type"), "mention", StringComparison.OrdinalIgnoreCase)
                || entity["mentioned"] is not JsonObject mentioned
                || !string.Equals(mentioned.GetString("id"), botId, StringComparison.Ordinal))
            {
                continue;
            }

            var mentionText = entity.GetString("text") ?? (mentioned.GetString("name") is { } name ? $"<at>{name}</at>" : null);
            if (!string.IsNullOrEmpty(mentionText))
            {
                text = text.Replace(mentionText, string.Empty, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text.Trim();
    }

    /// <summary>A string property of a JSON object, or null when absent or not a string.</summary>
    public static string? GetString(this JsonObject json, string name) =>
        json.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
