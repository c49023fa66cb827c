using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CcsviBot.Core.Faq;

/// <summary>
/// Writes entries as JSON Lines, one <c>{id, question, alternates, answer, sources, related, tags, reviewed, subjects}</c> object per
/// line — the shape <see cref="FaqLoader"/> loads from <c>.jsonl</c> files.
/// </summary>
public static class JsonLinesFaqWriter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Write(IEnumerable<FaqEntry> entries, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var entry in entries)
        {
            var line = new JsonLine(
                entry.Id,
                entry.Question,
                entry.Alternates,
                entry.Answer,
                entry.Sources.Select(s => new JsonSource(s.Title, s.Publisher, s.Year, s.Url)).ToList(),
                entry.Related,
                entry.Tags,
                entry.Reviewed?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                entry.Subjects.Count > 0 ? entry.Subjects : null);
            writer.Write(JsonSerializer.Serialize(line, Options));
            writer.Write('\n');
        }
    }

    private sealed record JsonLine(
        string Id,
        string Question,
        IReadOnlyList<string> Alternates,
        string Answer,
        IReadOnlyList<JsonSource> Sources,
        IReadOnlyList<string> Related,
        IReadOnlyList<string> Tags,
        string? Reviewed,
        IReadOnlyList<string>? Subjects);

    private sealed record JsonSource(string Title, string? Publisher, int? Year, string? Url);
}
