using System.Globalization;
using System.Text.Json;

namespace CcsviBot.Core.Faq;

/// <summary>Reads one JSON Lines entry: <c>{id, question, alternates, answer, sources, related, tags, subjects}</c>.</summary>
internal static class JsonLinesEntryReader
{
    public static FaqEntry? Read(string file, int line, string json, List<FaqDiagnostic> diagnostics)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(new FaqDiagnostic(file, line, DiagnosticSeverity.Error, "expected a JSON object"));
                return null;
            }

            var id = String(root, "id");
            var question = String(root, "question");
            var answer = String(root, "answer");
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(question) || string.IsNullOrWhiteSpace(answer))
            {
                diagnostics.Add(new FaqDiagnostic(file, line, DiagnosticSeverity.Error, "an entry needs 'id', 'question' and 'answer' strings"));
                return null;
            }

            var sources = new List<FaqSource>();
            if (root.TryGetProperty("sources", out var sourceArray) && sourceArray.ValueKind == JsonValueKind.Array)
            {
                foreach (var source in sourceArray.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object))
                {
                    sources.Add(new FaqSource(String(source, "title") ?? "", String(source, "publisher"), Year(source), String(source, "url")));
                }
            }

            return new FaqEntry
            {
                Id = id.Trim(),
                Question = question.Trim(),
                Alternates = Strings(root, "alternates"),
                Answer = answer.Trim(),
                Sources = sources,
                Related = Strings(root, "related"),
                Tags = Strings(root, "tags"),
                Subjects = Strings(root, "subjects"),
                Reviewed = String(root, "reviewed") is { } reviewed && DateOnly.TryParseExact(reviewed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
                Origin = $"{file}:{line}",
            };
        }
        catch (JsonException ex)
        {
            diagnostics.Add(new FaqDiagnostic(file, line, DiagnosticSeverity.Error, $"invalid JSON: {ex.Message}"));
            return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!.Trim()).Where(v => v.Length > 0).ToList()
            : [];

    private static int? Year(JsonElement source) =>
        source.TryGetProperty("year", out var year) switch
        {
            true when year.ValueKind == JsonValueKind.Number && year.TryGetInt32(out var number) => number,
            true when year.ValueKind == JsonValueKind.String => Yaml.Int(year.GetString()),
            _ => null,
        };
}
