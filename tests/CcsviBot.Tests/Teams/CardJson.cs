using System.Text.Json.Nodes;

namespace CcsviBot.Tests.Teams;

/// <summary>Reads Adaptive Card JSON the way a renderer walks it: every element and every action, in order.</summary>
internal static class CardJson
{
    public static IEnumerable<JsonObject> Elements(JsonObject card) => Walk(card["body"] as JsonArray);

    public static IEnumerable<JsonObject> TextBlocks(JsonObject card) =>
        Elements(card).Where(e => (string?)e["type"] == "TextBlock");

    public static IEnumerable<string> Texts(JsonObject card) => TextBlocks(card).Select(t => (string)t["text"]!);

    /// <summary>Every Action.Submit: card actions, ActionSets and selectActions.</summary>
    public static IEnumerable<JsonObject> Submits(JsonObject card) =>
        Elements(card).SelectMany(e => ActionsOf(e))
            .Concat((card["actions"] as JsonArray ?? []).OfType<JsonObject>())
            .Where(a => (string?)a["type"] == "Action.Submit");

    private static IEnumerable<JsonObject> ActionsOf(JsonObject element) =>
        (element["actions"] as JsonArray ?? []).OfType<JsonObject>()
            .Concat(element["selectAction"] is JsonObject select ? [select] : []);

    private static IEnumerable<JsonObject> Walk(JsonArray? elements)
    {
        foreach (var element in (elements ?? []).OfType<JsonObject>())
        {
            yield return element;
            foreach (var child in Walk(element["items"] as JsonArray))
            {
                yield return child;
            }
        }
    }
}
