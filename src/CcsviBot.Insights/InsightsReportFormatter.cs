using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Text;

namespace CcsviBot.Insights;

/// <summary>
/// The report as Markdown (the CLI's <c>--format markdown</c>, and the source of the /admin/report page) or JSON.
/// Visitors' words are escaped so that they can never become links, HTML or table breaks in the rendered page.
/// </summary>
public static class InsightsReportFormatter
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string ToJson(InsightsReport report) => JsonSerializer.Serialize(report, JsonOptions);

    public static string ToMarkdown(InsightsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        var t = report.Totals;
        md.AppendLine(CultureInfo.InvariantCulture, $"# FAQ report since {Date(report.Since)}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Generated {report.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC. " +
            $"{Counted.Of(t.Turns, "question")}: {t.Answered} answered, {t.Clarified} clarified, {t.Unanswered} unanswered, {t.Urgent} urgent, {t.SmallTalk} small talk. " +
            $"Feedback: {t.Helpful} helpful, {t.NotHelpful} not helpful, {t.Outdated} flagged outdated.");

        Section(md, "Unanswered questions", "The bot had no good answer. Write an entry, or add the wording to an entry's `alternates`.",
            report.Unanswered, ["Asked", "Question", "Other wordings", "Last asked"],
            g => [Count(g.Count), Escape(g.Question), string.Join(" · ", g.Examples.Skip(1).Select(Escape)), Date(g.LastAsked)]);
        Section(md, "Clarified questions", "The bot had to ask which entry was meant: the entries' questions may overlap.",
            report.Clarified, ["Asked", "Question", "Other wordings", "Last asked"],
            g => [Count(g.Count), Escape(g.Question), string.Join(" · ", g.Examples.Skip(1).Select(Escape)), Date(g.LastAsked)]);
        Section(md, "Suggested alternates", "Paste the question into the entry's `alternates` if the reason convinces you.",
            report.SuggestedAlternates, ["Entry", "Question", "Seen", "Why"],
            s => [Code(s.EntryId), Escape(s.Question), Count(s.Count), Escape(s.Reason)]);
        Section(md, "Least helpful answers", "Entries with \"not helpful\" votes, lowest helpful share first.",
            report.WorstHelpful, ["Entry", "Question", "Helpful", "Not helpful", "Helpful share"],
            e => [Code(e.EntryId), Escape(e.Question), Count(e.Helpful), Count(e.NotHelpful), e.HelpfulRatio.ToString("P0", CultureInfo.InvariantCulture)]);
        Section(md, "Flagged outdated", "Visitors or staff reported these answers as out of date.",
            report.FlaggedOutdated, ["Entry", "Question", "Flags", "Last flagged"],
            f => [Code(f.EntryId), Escape(f.Question), Count(f.Count), Date(f.LastFlagged)]);
        Section(md, "Review overdue", $"Not reviewed in the last {FaqChecker.ReviewMonths} months: check the facts and sources, then update `reviewed`.",
            report.ReviewOverdue, ["Entry", "Question", "Reviewed"],
            r => [Code(r.EntryId), Escape(r.Question), r.Reviewed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never"]);
        Section(md, "Never matched", "No visitor question ended on these entries in the period: check their wording and alternates.",
            report.NeverMatched, ["Entry", "Question"],
            e => [Code(e.EntryId), Escape(e.Question)]);
        return md.ToString();
    }

    private static void Section<T>(StringBuilder md, string title, string hint, IReadOnlyList<T> rows, string[] headers, Func<T, string[]> cells)
    {
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## {title} ({rows.Count})");
        md.AppendLine();
        if (rows.Count == 0)
        {
            md.AppendLine("None.");
            return;
        }

        md.AppendLine(hint);
        md.AppendLine();
        md.AppendLine("| " + string.Join(" | ", headers) + " |");
        md.AppendLine("|" + string.Concat(headers.Select(_ => " --- |")));
        foreach (var row in rows)
        {
            md.AppendLine("| " + string.Join(" | ", cells(row)) + " |");
        }
    }

    /// <summary>Backslash-escapes every Markdown punctuation mark and flattens line breaks: text stays text.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or '\t' or '\u2028' or '\u2029')
            {
                builder.Append(' ');
            }
            else if (char.IsAsciiLetterOrDigit(c) || c == ' ' || c > 127)
            {
                builder.Append(c);
            }
            else if (char.IsPunctuation(c) || char.IsSymbol(c))
            {
                builder.Append('\\').Append(c);
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// An entry id as code. Ids come from the store, which an old or foreign writer may have filled with anything:
    /// line breaks and control characters are flattened (a newline would start a heading or a link), backticks cannot
    /// close the span, a pipe cannot break the table, and the id is cut to a readable length.
    /// </summary>
    private static string Code(string id)
    {
        const int MaxIdLength = 100;
        var builder = new StringBuilder(Math.Min(id.Length, MaxIdLength) + 4).Append('`');
        foreach (var c in id.Length > MaxIdLength ? id[..MaxIdLength] : id)
        {
            builder.Append(c switch
            {
                '`' => "'",
                '|' => "\\|",
                _ when char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' => " ",
                _ => c.ToString(),
            });
        }

        return builder.Append(id.Length > MaxIdLength ? "…`" : "`").ToString();
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
