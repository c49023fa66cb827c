using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CcsviBot.Core.Faq;

/// <summary>Reads one <c>entries/&lt;id&gt;.md</c>: YAML front matter between <c>---</c> lines, then the Markdown answer.</summary>
internal static class MarkdownEntryReader
{
    public static (FaqEntry Entry, EntryLocation Location)? Read(string file, string text, List<FaqDiagnostic> diagnostics)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            diagnostics.Add(new FaqDiagnostic(file, 1, DiagnosticSeverity.Error, "missing front matter: the file must start with a '---' line"));
            return null;
        }

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
        {
            diagnostics.Add(new FaqDiagnostic(file, 1, DiagnosticSeverity.Error, "unterminated front matter: no closing '---' line"));
            return null;
        }

        // YAML line 1 is file line 2.
        var (root, error) = Yaml.ParseMapping(string.Join('\n', lines[1..close]), lineOffset: 1);
        if (root is null)
        {
            diagnostics.Add(new FaqDiagnostic(file, error?.Line ?? 2, DiagnosticSeverity.Error, error?.Message ?? "empty front matter"));
            return null;
        }

        int FileLine(YamlNode node) => Yaml.LineOf(node) + 1;

        var location = new EntryLocation(file, 1, FromMarkdown: true) { BodyLine = close + 2 };
        foreach (var (key, _) in root.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                location.FieldLines[name] = FileLine(key);
            }
        }

        var id = Yaml.Scalar(root, "id")?.Trim();
        var question = Yaml.Scalar(root, "question")?.Trim();
        var body = string.Join('\n', lines[(close + 1)..]).Trim();
        var usable = true;
        if (string.IsNullOrEmpty(id))
        {
            diagnostics.Add(new FaqDiagnostic(file, 2, DiagnosticSeverity.Error, "missing 'id'"));
            usable = false;
        }

        if (string.IsNullOrEmpty(question))
        {
            diagnostics.Add(new FaqDiagnostic(file, location.LineOf("question"), DiagnosticSeverity.Error, "missing 'question'"));
            usable = false;
        }

        if (body.Length == 0)
        {
            diagnostics.Add(new FaqDiagnostic(file, location.BodyLine, DiagnosticSeverity.Error, "missing answer: the Markdown body after the front matter is empty"));
            usable = false;
        }

        if (!usable)
        {
            return null;
        }

        var alternates = Yaml.ScalarList(root, "alternates");
        location.AlternateLines.AddRange(alternates.Select(a => a.Line + 1));
        var related = Yaml.ScalarList(root, "related");
        location.RelatedLines.AddRange(related.Select(r => r.Line + 1));

        var sources = new List<FaqSource>();
        if (Yaml.Child(root, "sources") is YamlSequenceNode sourceNodes)
        {
            foreach (var node in sourceNodes)
            {
                location.SourceLines.Add(FileLine(node));
                if (node is not YamlMappingNode source)
                {
                    diagnostics.Add(new FaqDiagnostic(file, FileLine(node), DiagnosticSeverity.Error, "a source needs title, publisher, year and url"));
                    sources.Add(new FaqSource("", null, null, null));
                    continue;
                }

                var yearText = Yaml.Scalar(source, "year");
                var year = Yaml.Int(yearText);
                if (yearText is not null && year is null)
                {
                    diagnostics.Add(new FaqDiagnostic(file, FileLine(source), DiagnosticSeverity.Error, $"source year '{yearText}' is not a number"));
                }

                sources.Add(new FaqSource(Yaml.Scalar(source, "title")?.Trim() ?? "", Yaml.Scalar(source, "publisher")?.Trim(), year, Yaml.Scalar(source, "url")?.Trim()));
            }
        }

        DateOnly? reviewed = null;
        var reviewedText = Yaml.Scalar(root, "reviewed");
        if (reviewedText is not null)
        {
            if (DateOnly.TryParseExact(reviewedText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                reviewed = date;
            }
            else
            {
                diagnostics.Add(new FaqDiagnostic(file, location.LineOf("reviewed"), DiagnosticSeverity.Error, $"'reviewed' must be a date like 2026-01-31, not '{reviewedText}'"));
            }
        }

        var entry = new FaqEntry
        {
            Id = id!,
            Question = question!,
            Alternates = alternates.Select(a => a.Value.Trim()).Where(a => a.Length > 0).ToList(),
            Answer = body,
            Sources = sources,
            Related = related.Select(r => r.Value.Trim()).Where(r => r.Length > 0).ToList(),
            Tags = Yaml.Texts(root, "tags"),
            Subjects = Yaml.Texts(root, "subjects"),
            Reviewed = reviewed,
            Origin = file,
        };
        return (entry, location);
    }
}
