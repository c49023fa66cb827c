using System.Text.RegularExpressions;
using CcsviBot.Core.Text;
using Markdig;

namespace CcsviBot.Core.Faq;

/// <summary>
/// Everything <c>faq check</c> validates beyond loading: ids match file names, related ids exist, sources are
/// complete with absolute http(s) links, answer passages are 40–200 words, no phrasing is shared by two entries,
/// and reviews are recent. Every problem is located at file:line.
/// </summary>
public static partial class FaqChecker
{
    public const int MinimumAnswerWords = 40;
    public const int MaximumAnswerWords = 200;
    public const int ReviewMonths = 12;

    /// <summary>The load diagnostics followed by the content checks, ordered by file and line.</summary>
    public static IReadOnlyList<FaqDiagnostic> Check(FaqLoadResult loaded, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var diagnostics = new List<FaqDiagnostic>(loaded.Diagnostics);
        if (loaded.Content is { } content)
        {
            var ids = content.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            var firstUseOfPhrasing = new Dictionary<string, (FaqEntry Entry, int Line)>(StringComparer.Ordinal);
            foreach (var entry in content.Entries)
            {
                var location = loaded.Locations.GetValueOrDefault(entry.Id) ?? new EntryLocation(entry.Origin ?? entry.Id, 0, FromMarkdown: false);
                void Report(int line, DiagnosticSeverity severity, string message) => diagnostics.Add(new FaqDiagnostic(location.File, line, severity, message));

                CheckId(entry, location, Report);
                CheckRelated(entry, location, ids, Report);
                CheckSources(entry, location, Report);
                CheckPhrasings(entry, location, firstUseOfPhrasing, Report);
                if (location.FromMarkdown)
                {
                    CheckAnswerLength(entry, location, Report);
                    CheckReviewed(entry, location, today, Report);
                }
            }
        }

        return diagnostics
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ToList();
    }

    /// <summary>Words of the passage as a reader sees them (Markdown syntax and link targets do not count).</summary>
    public static int CountWords(string markdown) => WordPattern().Count(Markdown.ToPlainText(markdown ?? string.Empty));

    private static void CheckId(FaqEntry entry, EntryLocation location, Action<int, DiagnosticSeverity, string> report)
    {
        if (location.FromMarkdown)
        {
            if (!IdPattern().IsMatch(entry.Id))
            {
                report(location.LineOf("id"), DiagnosticSeverity.Error, $"id '{entry.Id}' must be lower-case words joined by hyphens");
            }

            var fileName = Path.GetFileNameWithoutExtension(location.File);
            if (!string.Equals(fileName, entry.Id, StringComparison.Ordinal))
            {
                report(location.LineOf("id"), DiagnosticSeverity.Error, $"id '{entry.Id}' must equal the file name '{fileName}'");
            }
        }
    }

    private static void CheckRelated(FaqEntry entry, EntryLocation location, HashSet<string> ids, Action<int, DiagnosticSeverity, string> report)
    {
        for (var i = 0; i < entry.Related.Count; i++)
        {
            var line = i < location.RelatedLines.Count ? location.RelatedLines[i] : location.LineOf("related");
            if (string.Equals(entry.Related[i], entry.Id, StringComparison.Ordinal))
            {
                report(line, DiagnosticSeverity.Warning, "an entry should not list itself as related");
            }
            else if (!ids.Contains(entry.Related[i]))
            {
                report(line, DiagnosticSeverity.Error, $"related id '{entry.Related[i]}' is not an entry");
            }
        }
    }

    private static void CheckSources(FaqEntry entry, EntryLocation location, Action<int, DiagnosticSeverity, string> report)
    {
        if (entry.Sources.Count == 0)
        {
            report(location.LineOf("sources"), DiagnosticSeverity.Error, "at least one source is required");
            return;
        }

        for (var i = 0; i < entry.Sources.Count; i++)
        {
            var source = entry.Sources[i];
            var line = i < location.SourceLines.Count ? location.SourceLines[i] : location.LineOf("sources");
            if (string.IsNullOrWhiteSpace(source.Title))
            {
                report(line, DiagnosticSeverity.Error, "source without a title");
            }

            if (string.IsNullOrWhiteSpace(source.Url))
            {
                report(line, DiagnosticSeverity.Error, "source without a url");
            }
            else if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                report(line, DiagnosticSeverity.Error, $"source url '{source.Url}' is not an absolute http(s) address");
            }

            if (location.FromMarkdown && (string.IsNullOrWhiteSpace(source.Publisher) || source.Year is null))
            {
                report(line, DiagnosticSeverity.Warning, "source without a publisher or year");
            }
        }
    }

    private static void CheckPhrasings(FaqEntry entry, EntryLocation location, Dictionary<string, (FaqEntry Entry, int Line)> firstUse, Action<int, DiagnosticSeverity, string> report)
    {
        var own = new HashSet<string>(StringComparer.Ordinal);
        var phrasings = entry.Alternates
            .Select((a, i) => (Text: a, Line: i < location.AlternateLines.Count ? location.AlternateLines[i] : location.LineOf("alternates")))
            .Prepend((Text: entry.Question, Line: location.LineOf("question")));
        foreach (var (text, line) in phrasings)
        {
            var normal = TextNormalizer.Normalize(text);
            if (normal.Length == 0)
            {
                continue;
            }

            if (!own.Add(normal))
            {
                report(line, DiagnosticSeverity.Warning, $"'{text}' appears twice in this entry");
                continue;
            }

            if (firstUse.TryGetValue(normal, out var first))
            {
                var where = first.Entry.Origin is { } origin && location.FromMarkdown ? $"{Path.GetFileName(origin)}:{first.Line}" : first.Entry.Id;
                report(line, DiagnosticSeverity.Error, $"duplicate alternate '{text}': also in entry '{first.Entry.Id}' ({where})");
            }
            else
            {
                firstUse[normal] = (entry, line);
            }
        }
    }

    private static void CheckAnswerLength(FaqEntry entry, EntryLocation location, Action<int, DiagnosticSeverity, string> report)
    {
        var words = CountWords(entry.Answer);
        if (words < MinimumAnswerWords || words > MaximumAnswerWords)
        {
            report(location.BodyLine, DiagnosticSeverity.Error, $"the answer has {Counted.Of(words, "word")}; it must have {MinimumAnswerWords} to {MaximumAnswerWords}");
        }
    }

    private static void CheckReviewed(FaqEntry entry, EntryLocation location, DateOnly today, Action<int, DiagnosticSeverity, string> report)
    {
        if (entry.Reviewed is not { } reviewed)
        {
            if (!location.FieldLines.ContainsKey("reviewed"))
            {
                report(location.Line, DiagnosticSeverity.Warning, "no 'reviewed' date");
            }

            return;
        }

        if (reviewed < today.AddMonths(-ReviewMonths))
        {
            report(location.LineOf("reviewed"), DiagnosticSeverity.Warning, $"last reviewed {reviewed:yyyy-MM-dd}, more than {ReviewMonths} months ago");
        }
        else if (reviewed > today)
        {
            report(location.LineOf("reviewed"), DiagnosticSeverity.Warning, $"review date {reviewed:yyyy-MM-dd} is in the future");
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
