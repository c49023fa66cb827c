using System.Text.Json.Nodes;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Rendering;

namespace CcsviBot.Turns;

/// <summary>
/// The schema.org <c>Message</c> entity whose <c>Claim</c>s Web Chat (4.16+) and Teams match to the reference links
/// <c>[n]: url "title"</c> in the text, by position. Only sources with an http(s) URL get a link and so a number,
/// as in <see cref="MarkdownReplyRenderer"/>.
/// </summary>
public static class CitationEntity
{
    private const int MaxAbstractLength = 160;

    public static JsonObject? Create(IReadOnlyList<FaqSource> sources)
    {
        var claims = new JsonArray();
        foreach (var (source, position) in CitedSources(sources))
        {
            var appearance = new JsonObject
            {
                ["@type"] = "DigitalDocument",
                ["name"] = source.Title,
                ["url"] = source.Url,
            };
            if (Abstract(source) is { } summary)
            {
                appearance["abstract"] = summary;
            }

            claims.Add(new JsonObject { ["@type"] = "Claim", ["position"] = position, ["appearance"] = appearance });
        }

        return claims.Count == 0 ? null : new JsonObject
        {
            ["type"] = "https://schema.org/Message",
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = string.Empty,
            ["citation"] = claims,
        };
    }

    /// <summary>The sources that get a reference number, with that number (1-based, in the entry's order).</summary>
    public static IEnumerable<(FaqSource Source, int Position)> CitedSources(IReadOnlyList<FaqSource> sources) =>
        sources.Where(source => IsWebLink(source.Url)).Select((source, index) => (source, index + 1));

    private static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string? Abstract(FaqSource source)
    {
        var parts = new[] { source.Publisher, source.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Where(part => !string.IsNullOrWhiteSpace(part));
        var text = string.Join(", ", parts);
        return text.Length == 0 ? null : text.Length <= MaxAbstractLength ? text : text[..MaxAbstractLength];
    }
}
