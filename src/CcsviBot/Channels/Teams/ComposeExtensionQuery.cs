using System.Text.Json;
using System.Text.Json.Nodes;

namespace CcsviBot.Channels.Teams;

/// <summary>
/// The <c>value</c> of a <c>composeExtension/query</c> invoke, checked: what the user typed in the search box,
/// whether this is the initial run (opened with an empty box), and the page Teams asks for.
/// </summary>
public sealed record ComposeExtensionQuery(string Text, bool InitialRun, int Skip, int Count)
{
    public const string InvokeName = "composeExtension/query";
    /// <summary>Teams shows at most this many results per page (and asks for 25 by default).</summary>
    public const int MaxResults = 10;

    private const string InitialRunParameter = "initialRun";

    /// <summary>True when the box is empty or this is the initial run: list the most useful entries instead of searching.</summary>
    public bool ListsMostUseful => InitialRun || string.IsNullOrWhiteSpace(Text);

    /// <summary>Reads an invoke value; a malformed one gives an error message for a 400 response instead of a query.</summary>
    public static ComposeExtensionQuery? TryParse(JsonNode? value, out string error)
    {
        error = "";
        if (value is not JsonObject query)
        {
            error = "The invoke value must be a JSON object with 'parameters'.";
            return null;
        }

        var text = "";
        var initialRun = false;
        switch (query["parameters"])
        {
            case null:
                break;
            case JsonArray parameters:
                foreach (var parameter in parameters)
                {
                    if (parameter is not JsonObject { } item || !TryGetString(item["name"], out var name) || !TryGetString(item["value"], out var parameterValue))
                    {
                        error = "Each entry of 'parameters' must be an object with a string 'name' and a string 'value'.";
                        return null;
                    }

                    if (string.Equals(name, InitialRunParameter, StringComparison.Ordinal))
                    {
                        initialRun = string.Equals(parameterValue, "true", StringComparison.OrdinalIgnoreCase);
                    }
                    else if (text.Length == 0)
                    {
                        text = parameterValue ?? "";
                    }
                }

                break;
            default:
                error = "'parameters' must be an array.";
                return null;
        }

        var options = query["queryOptions"];
        if (options is not null and not JsonObject)
        {
            error = "'queryOptions' must be an object with 'skip' and 'count'.";
            return null;
        }

        if (!TryGetCount(options?["skip"], 0, out var skip) || !TryGetCount(options?["count"], MaxResults, out var count))
        {
            error = "'queryOptions.skip' and 'queryOptions.count' must be whole numbers, zero or more.";
            return null;
        }

        return new ComposeExtensionQuery(text.Trim(), initialRun, skip, count == 0 ? MaxResults : Math.Min(count, MaxResults));
    }

    private static bool TryGetString(JsonNode? node, out string? text)
    {
        text = null;
        if (node is null)
        {
            return true;
        }

        return node is JsonValue value && value.TryGetValue(out text);
    }

    private static bool TryGetCount(JsonNode? node, int fallback, out int count)
    {
        count = fallback;
        if (node is null)
        {
            return true;
        }

        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out count) && count >= 0;
    }
}
