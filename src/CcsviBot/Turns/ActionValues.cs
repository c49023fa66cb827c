using System.Text.Json.Nodes;
using CcsviBot.Insights;
using CcsviBot.Protocol;

namespace CcsviBot.Turns;

/// <summary>
/// The one definition of the values the bot's buttons carry, both built (by renderers) and read (by the turn pipeline):
/// <c>{"feedback":"helpful"|"not-helpful"|"outdated","entryId":"…"}</c>, <c>{"entryId":"…"}</c>, <c>{"clarify":"none"}</c>.
/// </summary>
public static class ActionValues
{
    public const string Helpful = "helpful";
    public const string NotHelpful = "not-helpful";
    public const string Outdated = "outdated";

    public static JsonObject Feedback(FeedbackKind kind, string entryId) => new()
    {
        ["feedback"] = kind switch
        {
            FeedbackKind.Helpful => Helpful,
            FeedbackKind.NotHelpful => NotHelpful,
            _ => Outdated,
        },
        ["entryId"] = entryId,
    };

    public static JsonObject PickEntry(string entryId) => new() { ["entryId"] = entryId };

    public static JsonObject NoneOfThese() => new() { ["clarify"] = "none" };

    /// <summary>The action a message value asks for, or null when it is absent or not one of ours.</summary>
    public static ActionValue? Parse(JsonNode? value)
    {
        if (value is not JsonObject json)
        {
            return null;
        }

        var entryId = json.GetString("entryId");
        if (json.GetString("feedback") is { } feedback)
        {
            FeedbackKind? kind = feedback switch
            {
                Helpful => FeedbackKind.Helpful,
                NotHelpful => FeedbackKind.NotHelpful,
                Outdated => FeedbackKind.Outdated,
                _ => null,
            };
            return kind is null || string.IsNullOrWhiteSpace(entryId) ? null : new ActionValue.Feedback(kind.Value, entryId);
        }

        if (string.Equals(json.GetString("clarify"), "none", StringComparison.Ordinal))
        {
            return new ActionValue.NoneOfThese();
        }

        return string.IsNullOrWhiteSpace(entryId) ? null : new ActionValue.PickEntry(entryId);
    }
}
