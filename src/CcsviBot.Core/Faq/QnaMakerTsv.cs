using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CcsviBot.Core.Faq;

/// <summary>
/// The QnA Maker / Azure Custom Question Answering TSV export format:
/// <c>Question, Answer, Source, Metadata, SuggestedQuestions, IsContextOnly, Prompts, QnaId</c>, one row per question
/// (an entry's alternates are further rows with the same QnaId). Cells cannot hold tabs or line breaks, so they are
/// written as <c>\t</c> / <c>\n</c> (and a backslash as <c>\\</c>).
/// <para>
/// How CcsviBot's richer entries fit, so that export → import → export is lossless: the entry id, review date and tags
/// go into Metadata (<c>id:…|reviewed:…|tags:a,b</c>; other <c>key:value</c> pairs become tags <c>key:value</c>);
/// related entries become follow-up Prompts; the sources are cited at the end of the answer in a fixed Markdown block
/// (so a bot fed from the export still shows them) and the first one's URL is the Source column.
/// </para>
/// </summary>
public static partial class QnaMakerTsv
{
    public static readonly IReadOnlyList<string> Columns = ["Question", "Answer", "Source", "Metadata", "SuggestedQuestions", "IsContextOnly", "Prompts", "QnaId"];

    /// <summary>Marks the start of the citations appended to an exported answer.</summary>
    public const string SourcesHeading = "**Sources**";

    /// <summary>QnA Maker's name for hand-written content without a document behind it.</summary>
    public const string EditorialSource = "Editorial";

    private const string IdKey = "id";
    private const string ReviewedKey = "reviewed";
    private const string TagsKey = "tags";

    private static readonly JsonSerializerOptions PromptJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the entries; returns the problems that make the file lose something (empty when lossless).</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<FaqEntry> entries, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(writer);
        var problems = new List<string>();
        var qnaIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            qnaIds.TryAdd(entries[i].Id, i + 1);
        }

        writer.Write(string.Join('\t', Columns));
        writer.Write('\n');
        foreach (var entry in entries)
        {
            var prompts = new List<Prompt>();
            foreach (var related in entry.Related)
            {
                if (qnaIds.TryGetValue(related, out var relatedId))
                {
                    prompts.Add(new Prompt(prompts.Count + 1, relatedId, entries[relatedId - 1].Question));
                }
                else
                {
                    problems.Add($"{entry.Id}: related entry '{related}' does not exist and is left out");
                }
            }

            var cells = new[]
            {
                "",
                Escape(AnswerWithSources(entry)),
                Escape(entry.Sources.Select(s => s.Url).FirstOrDefault(u => !string.IsNullOrWhiteSpace(u)) ?? entry.Sources.FirstOrDefault()?.Title ?? EditorialSource),
                Escape(Metadata(entry, problems)),
                "[]",
                "False",
                Escape(JsonSerializer.Serialize(prompts, PromptJson)),
                qnaIds[entry.Id].ToString(CultureInfo.InvariantCulture),
            };
            foreach (var question in entry.Alternates.Prepend(entry.Question))
            {
                cells[0] = Escape(question);
                writer.Write(string.Join('\t', cells));
                writer.Write('\n');
            }
        }

        return problems;
    }

    /// <summary>
    /// Reads a TSV export into entries. Problems a maintainer must fix (above all: no source, which blocks publishing)
    /// come back as diagnostics located at the QnA's first line; the entry is still returned so that nothing is lost.
    /// </summary>
    public static (IReadOnlyList<FaqEntry> Entries, IReadOnlyList<FaqDiagnostic> Diagnostics) Read(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var diagnostics = new List<FaqDiagnostic>();
        var header = reader.ReadLine();
        if (header is null)
        {
            diagnostics.Add(new FaqDiagnostic(file, 1, DiagnosticSeverity.Error, "empty file: expected a header line with Question and Answer columns"));
            return ([], diagnostics);
        }

        var columns = header.TrimStart('\uFEFF').Split('\t').Select(c => c.Trim()).ToList();
        int Column(string name) => columns.FindIndex(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
        var (questionAt, answerAt, sourceAt, metadataAt, suggestedAt, contextOnlyAt, promptsAt, qnaIdAt) =
            (Column("Question"), Column("Answer"), Column("Source"), Column("Metadata"), Column("SuggestedQuestions"), Column("IsContextOnly"), Column("Prompts"), Column("QnaId"));
        if (questionAt < 0 || answerAt < 0)
        {
            diagnostics.Add(new FaqDiagnostic(file, 1, DiagnosticSeverity.Error, $"the header must name the Question and Answer columns (found: {string.Join(", ", columns)})"));
            return ([], diagnostics);
        }

        // Rows grouped by QnaId in first-seen order; a file without QnaIds groups rows by identical answer.
        var pairs = new List<ImportedPair>();
        var byKey = new Dictionary<string, ImportedPair>(StringComparer.Ordinal);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split('\t');
            string Cell(int index) => index >= 0 && index < cells.Length ? Unescape(cells[index].Trim()) : "";
            var question = Cell(questionAt).Trim();
            var answer = Cell(answerAt).Trim();
            if (question.Length == 0 || answer.Length == 0)
            {
                diagnostics.Add(new FaqDiagnostic(file, lineNumber, DiagnosticSeverity.Error, "a row needs a question and an answer; the row is skipped"));
                continue;
            }

            var key = Cell(qnaIdAt) is { Length: > 0 } qnaId ? "id:" + qnaId : "answer:" + answer;
            if (!byKey.TryGetValue(key, out var pair))
            {
                pair = new ImportedPair(lineNumber, Cell(qnaIdAt), answer, Cell(sourceAt), Cell(metadataAt), Cell(promptsAt),
                    Cell(contextOnlyAt), Cell(suggestedAt));
                byKey[key] = pair;
                pairs.Add(pair);
            }

            if (!pair.Questions.Contains(question, StringComparer.Ordinal))
            {
                pair.Questions.Add(question);
            }
        }

        var ids = AssignIds(pairs, file, diagnostics);
        var idOfQnaId = pairs.Where(p => p.QnaId.Length > 0).GroupBy(p => p.QnaId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ids[g.First()], StringComparer.Ordinal);
        var entries = new List<FaqEntry>();
        foreach (var pair in pairs)
        {
            entries.Add(ToEntry(pair, ids[pair], idOfQnaId, file, diagnostics));
        }

        return (entries, diagnostics);
    }

    private static FaqEntry ToEntry(ImportedPair pair, string id, Dictionary<string, string> idOfQnaId, string file, List<FaqDiagnostic> diagnostics)
    {
        void Report(DiagnosticSeverity severity, string message) => diagnostics.Add(new FaqDiagnostic(file, pair.Line, severity, $"{id}: {message}"));

        var (answer, sources) = SplitSources(pair.Answer);
        if (sources.Count == 0)
        {
            if (pair.Source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || pair.Source.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                sources.Add(new FaqSource(pair.Source, null, null, pair.Source));
                Report(DiagnosticSeverity.Warning, "the source has only a link: fill in its title, publisher and year");
            }
            else if (pair.Source.Length > 0 && !string.Equals(pair.Source, EditorialSource, StringComparison.OrdinalIgnoreCase))
            {
                sources.Add(new FaqSource(pair.Source, null, null, null));
                Report(DiagnosticSeverity.Warning, $"the source '{pair.Source}' is a document name: add its publisher, year and link");
            }
            else
            {
                Report(DiagnosticSeverity.Error, "no source: add at least one (title, publisher, year, url); an entry without a source cannot be published");
            }
        }

        var tags = new List<string>();
        DateOnly? reviewed = null;
        foreach (var (name, value) in ParseMetadata(pair.Metadata))
        {
            if (string.Equals(name, TagsKey, StringComparison.OrdinalIgnoreCase))
            {
                tags.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else if (string.Equals(name, ReviewedKey, StringComparison.OrdinalIgnoreCase)
                && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                reviewed = date;
            }
            else if (!string.Equals(name, IdKey, StringComparison.OrdinalIgnoreCase))
            {
                tags.Add($"{name}:{value}");
            }
        }

        var related = new List<string>();
        foreach (var prompt in ParsePrompts(pair.Prompts, Report))
        {
            if (idOfQnaId.TryGetValue(prompt.QnaId.ToString(CultureInfo.InvariantCulture), out var target))
            {
                related.Add(target);
            }
            else
            {
                Report(DiagnosticSeverity.Warning, $"follow-up prompt '{prompt.DisplayText}' points to QnaId {prompt.QnaId}, which is not in the file; left out");
            }
        }

        if (bool.TryParse(pair.ContextOnly, out var contextOnly) && contextOnly)
        {
            Report(DiagnosticSeverity.Warning, "was a follow-up-only answer (IsContextOnly); it is now an ordinary entry that visitors can reach directly");
        }

        if (pair.Suggested.Length > 2 && pair.Suggested != "[]")
        {
            Report(DiagnosticSeverity.Warning, "has unreviewed active-learning suggestions (SuggestedQuestions); they are not imported — add the good ones to alternates");
        }

        return new FaqEntry
        {
            Id = id,
            Question = pair.Questions[0],
            Alternates = pair.Questions.Skip(1).ToList(),
            Answer = answer,
            Sources = sources,
            Related = related,
            Tags = tags,
            Reviewed = reviewed,
            Origin = $"{file}:{pair.Line}",
        };
    }

    /// <summary>The id from the metadata when present, else a slug of the question; unique either way.</summary>
    private static Dictionary<ImportedPair, string> AssignIds(List<ImportedPair> pairs, string file, List<FaqDiagnostic> diagnostics)
    {
        var ids = new Dictionary<ImportedPair, string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var fromMetadata = ParseMetadata(pair.Metadata).FirstOrDefault(m => string.Equals(m.Name, IdKey, StringComparison.OrdinalIgnoreCase)).Value;
            var baseId = fromMetadata is { Length: > 0 } && SlugPattern().IsMatch(fromMetadata) ? fromMetadata : Slug(pair.Questions[0]);
            var id = baseId;
            for (var n = 2; !used.Add(id); n++)
            {
                id = $"{baseId}-{n}";
            }

            if (!string.Equals(id, fromMetadata, StringComparison.Ordinal) && fromMetadata is { Length: > 0 })
            {
                diagnostics.Add(new FaqDiagnostic(file, pair.Line, DiagnosticSeverity.Warning, $"id '{fromMetadata}' is taken or not lower-case words joined by hyphens; using '{id}'"));
            }

            ids[pair] = id;
        }

        return ids;
    }

    /// <summary>Lower-case words of the question joined by hyphens, at most six words.</summary>
    public static string Slug(string question)
    {
        var words = Text.TextNormalizer.Words(question).Where(w => w.All(char.IsAsciiLetterOrDigit)).Take(6).ToList();
        return words.Count == 0 ? "entry" : string.Join('-', words);
    }

    private static string AnswerWithSources(FaqEntry entry)
    {
        var answer = entry.Answer.Trim().ReplaceLineEndings("\n");
        if (entry.Sources.Count == 0)
        {
            return answer;
        }

        var builder = new StringBuilder(answer).Append("\n\n").Append(SourcesHeading);
        for (var i = 0; i < entry.Sources.Count; i++)
        {
            var source = entry.Sources[i];
            builder.Append('\n').Append(i + 1).Append(". [").Append(TitleSpecial().Replace(source.Title.ReplaceLineEndings(" "), @"\$0")).Append(']');
            if (source.Url is not null)
            {
                builder.Append(source.Url.Any(c => c is '(' or ')' or '<' or '>' || char.IsWhiteSpace(c)) ? $"(<{source.Url}>)" : $"({source.Url})");
            }

            if (source.Publisher is not null)
            {
                // A publisher ending in "(1999)" would read as the year when there is none: escape those parentheses.
                var publisher = source.Publisher.ReplaceLineEndings(" ").Replace("\\", "\\\\", StringComparison.Ordinal);
                builder.Append(" · ").Append(source.Year is null && YearLike().IsMatch(publisher) ? YearLike().Replace(publisher, @"\($1\)") : publisher);
            }

            if (source.Year is { } year)
            {
                builder.Append(" (").Append(year.ToString(CultureInfo.InvariantCulture)).Append(')');
            }
        }

        return builder.ToString();
    }

    /// <summary>Separates the citation block written by <see cref="Write"/> from the answer; other answers are left whole.</summary>
    private static (string Answer, List<FaqSource> Sources) SplitSources(string answer)
    {
        var marker = "\n\n" + SourcesHeading + "\n";
        var at = answer.LastIndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return (answer, []);
        }

        var sources = new List<FaqSource>();
        foreach (var line in answer[(at + marker.Length)..].Split('\n'))
        {
            var match = CitationPattern().Match(line);
            if (!match.Success)
            {
                return (answer, []);
            }

            sources.Add(new FaqSource(
                UnescapeCitation(match.Groups["title"].Value),
                match.Groups["publisher"].Success ? UnescapeCitation(match.Groups["publisher"].Value) : null,
                match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : null,
                match.Groups["url"].Success ? match.Groups["url"].Value : null));
        }

        return (answer[..at].TrimEnd(), sources);
    }

    private static string Metadata(FaqEntry entry, List<string> problems)
    {
        var pairs = new List<string> { $"{IdKey}:{entry.Id}" };
        if (entry.Reviewed is { } reviewed)
        {
            pairs.Add($"{ReviewedKey}:{reviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        var plainTags = entry.Tags.Where(t => !t.Contains(':', StringComparison.Ordinal)).ToList();
        if (plainTags.Count > 0)
        {
            pairs.Add($"{TagsKey}:{string.Join(',', plainTags)}");
        }

        pairs.AddRange(entry.Tags.Where(t => t.Contains(':', StringComparison.Ordinal)));
        foreach (var tag in entry.Tags.Where(t => t.Contains('|', StringComparison.Ordinal) || (!t.Contains(':', StringComparison.Ordinal) && t.Contains(',', StringComparison.Ordinal))))
        {
            problems.Add($"{entry.Id}: tag '{tag}' contains a character QnA Maker metadata cannot hold (',' or '|')");
        }

        return string.Join('|', pairs);
    }

    private static IEnumerable<(string Name, string Value)> ParseMetadata(string metadata)
    {
        foreach (var pair in metadata.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && colon < pair.Length - 1)
            {
                yield return (pair[..colon].Trim(), pair[(colon + 1)..].Trim());
            }
        }
    }

    private static List<Prompt> ParsePrompts(string json, Action<DiagnosticSeverity, string> report)
    {
        if (json.Length == 0)
        {
            return [];
        }

        try
        {
            return (JsonSerializer.Deserialize<List<Prompt>>(json, PromptJson) ?? []).OrderBy(p => p.DisplayOrder).ToList();
        }
        catch (JsonException)
        {
            report(DiagnosticSeverity.Warning, "the Prompts cell is not valid JSON; follow-up prompts are left out");
            return [];
        }
    }

    /// <summary>Cell escaping: backslash, tab and line breaks become <c>\\</c>, <c>\t</c> and <c>\n</c>.</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace("\r", "\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\t", "\\t", StringComparison.Ordinal);

    public static string Unescape(string cell)
    {
        if (!cell.Contains('\\', StringComparison.Ordinal))
        {
            return cell;
        }

        var builder = new StringBuilder(cell.Length);
        for (var i = 0; i < cell.Length; i++)
        {
            if (cell[i] == '\\' && i + 1 < cell.Length && cell[i + 1] is 'n' or 't' or '\\')
            {
                builder.Append(cell[i + 1] switch { 'n' => '\n', 't' => '\t', _ => '\\' });
                i++;
            }
            else
            {
                builder.Append(cell[i]);
            }
        }

        return builder.ToString();
    }

    private static string UnescapeCitation(string text) => CitationEscaped().Replace(text, "$1");

    [GeneratedRegex(@"[\\\[\]]")]
    private static partial Regex TitleSpecial();

    [GeneratedRegex(@"\((-?\d{1,9})\)$")]
    private static partial Regex YearLike();

    [GeneratedRegex(@"\\([\\\[\]()])")]
    private static partial Regex CitationEscaped();

    [GeneratedRegex(@"^\d+\. \[(?<title>(?:\\.|[^\\\]])*)\](?:\((?:<(?<url>[^<>]*)>|(?<url>[^()<>\s]*))\))?(?: · (?<publisher>(?:\\.|[^\\])*?))?(?: \((?<year>-?\d{1,9})\))?$")]
    private static partial Regex CitationPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    private sealed record Prompt(int DisplayOrder, int QnaId, string? DisplayText);

    private sealed class ImportedPair(int line, string qnaId, string answer, string source, string metadata, string prompts, string contextOnly, string suggested)
    {
        public int Line { get; } = line;
        public string QnaId { get; } = qnaId;
        public string Answer { get; } = answer;
        public string Source { get; } = source;
        public string Metadata { get; } = metadata;
        public string Prompts { get; } = prompts;
        public string ContextOnly { get; } = contextOnly;
        public string Suggested { get; } = suggested;
        public List<string> Questions { get; } = [];
    }
}
