using System.Text.Json.Nodes;

namespace CcsviBot.Tests.Teams;

/// <summary>The <c>value</c> Teams sends with <c>composeExtension/query</c> for the manifest's search command.</summary>
internal static class SearchQuery
{
    public static JsonObject Value(string? text, bool initialRun = false, int? skip = null, int? count = null)
    {
        var parameters = new JsonArray();
        if (initialRun)
        {
            parameters.Add(new JsonObject { ["name"] = "initialRun", ["value"] = "true" });
        }

        if (text is not null)
        {
            parameters.Add(new JsonObject { ["name"] = "query", ["value"] = text });
        }

        var query = new JsonObject { ["commandId"] = "searchFaq", ["parameters"] = parameters };
        if (skip is not null || count is not null)
        {
            query["queryOptions"] = new JsonObject { ["skip"] = skip ?? 0, ["count"] = count ?? 25 };
        }

        return query;
    }
}
