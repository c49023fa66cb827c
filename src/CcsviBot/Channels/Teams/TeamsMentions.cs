using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CcsviBot.Protocol;

namespace CcsviBot.Channels.Teams;

/// <summary>
/// Removes the bot's own @mention from a Teams message, as the Bot Framework SDK's <c>RemoveRecipientMention</c> does:
/// the mention is found by entity (<c>mentioned.id</c> equals the recipient's id), never by guessing from the text,
/// so that mentions of other people stay part of the question.
/// </summary>
public static class TeamsMentions
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The message text without the recipient's mention(s), trimmed; the text unchanged when nothing matches.</summary>
    public static string? RemoveRecipientMention(Activity activity)
    {
        var text = activity.Text;
        var botId = activity.Recipient?.Id;
        if (text is null || string.IsNullOrEmpty(botId) || activity.Entities is null)
        {
            return text;
        }

        foreach (var entity in activity.Entities)
        {
            if (!string.Equals(StringOf(entity["type"]), "mention", StringComparison.OrdinalIgnoreCase)
                || entity["mentioned"] is not JsonObject mentioned
                || !string.Equals(StringOf(mentioned["id"]), botId, StringComparison.Ordinal))
            {
                continue;
            }

            // The SDK removes the entity's text; Teams' own samples sometimes differ between the entity text
            // ("<at>@Name</at>") and the message ("<at>Name</at>"), so the <at>name</at> form is removed as well.
            foreach (var mentionText in new[] { StringOf(entity["text"]), StringOf(mentioned["name"]) is { } name ? $"<at>{name}</at>" : null })
            {
                if (!string.IsNullOrEmpty(mentionText))
                {
                    text = Regex.Replace(text, Regex.Escape(mentionText), "", RegexOptions.IgnoreCase, RegexTimeout);
                }
            }
        }

        return text.Trim();
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
