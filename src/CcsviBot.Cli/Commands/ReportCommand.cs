using System.CommandLine;
using System.Data.Common;
using CcsviBot.Core.Faq;
using CcsviBot.Insights;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using CcsviBot.Core.Text;

namespace CcsviBot.Cli.Commands;

/// <summary>
/// <c>report [--since 30d] [--format table|markdown|json] [--faq PATH]</c>: what visitors asked, from the same analytics
/// store the bot writes (Insights settings in appsettings.json). Enforces the retention period as it reads.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console, TimeProvider? time = null)
    {
        var since = new Option<string>("--since") { Description = $"How far back: {ReportPeriod.Format}.", DefaultValueFactory = _ => "30d" };
        var format = new Option<string>("--format") { Description = "table, markdown or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "markdown", "json");
        var faq = CliSettings.FaqOption();
        var command = new Command("report", "Unanswered and clarified questions, least helpful and outdated answers, never-matched and overdue entries, suggested alternates.")
        {
            since, format, faq,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            if (!ReportPeriod.TryParse(parsed.GetValue(since), out var period))
            {
                throw new CliUsageException($"--since: expected {ReportPeriod.Format}");
            }

            var settings = CliSettings.Load(console);
            var options = new InsightsOptions();
            settings.Configuration.GetSection(InsightsOptions.SectionName).Bind(options);
            if (options.Validate() is { Count: > 0 } problems)
            {
                throw new CliUsageException(string.Join(" ", problems));
            }

            var content = settings.LoadFaq(settings.FaqPath(parsed.GetValue(faq), console), console, reportProblems: true).Content;
            var store = SqlInsightsStore.Create(options, settings.SettingsDirectory);
            var now = (time ?? TimeProvider.System).GetUtcNow();
            InsightsData data;
            try
            {
                await store.EnsureCreatedAsync(cancellationToken);
                await store.DeleteOlderThanAsync(now.AddDays(-options.RetentionDays), cancellationToken);
                data = await store.ReadSinceAsync(now - period, cancellationToken);
            }
            catch (DbException ex)
            {
                console.Error.WriteLine($"error: cannot read the analytics store ({store.Description}): {ex.Message}");
                return ExitCodes.Failed;
            }

            var report = InsightsReportBuilder.Build(data, content, now - period, now);
            switch (parsed.GetValue(format))
            {
                case "json":
                    console.Out.WriteLine(InsightsReportFormatter.ToJson(report));
                    break;
                case "markdown":
                    console.Out.Write(InsightsReportFormatter.ToMarkdown(report));
                    break;
                default:
                    WriteTables(report, console.Out);
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTables(InsightsReport report, TextWriter output)
    {
        var terminal = output == Console.Out && !Console.IsOutputRedirected;
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            ansi.Profile.Width = 160;
        }

        var t = report.Totals;
        ansi.Write(new Markup($"[bold]FAQ report since {report.Since:yyyy-MM-dd}[/]\n"));
        ansi.WriteLine($"{Counted.Of(t.Turns, "question")}: {t.Answered} answered, {t.Clarified} clarified, {t.Unanswered} unanswered, {t.Urgent} urgent, {t.SmallTalk} small talk. " +
            $"Feedback: {t.Helpful} helpful, {t.NotHelpful} not helpful, {t.Outdated} outdated.");

        Table(ansi, "Unanswered questions", report.Unanswered, ["Asked", "Question", "Other wordings"],
            g => [g.Count.ToString(), g.Question, string.Join(" · ", g.Examples.Skip(1))]);
        Table(ansi, "Clarified questions", report.Clarified, ["Asked", "Question", "Other wordings"],
            g => [g.Count.ToString(), g.Question, string.Join(" · ", g.Examples.Skip(1))]);
        Table(ansi, "Suggested alternates", report.SuggestedAlternates, ["Entry", "Question", "Seen", "Why"],
            s => [s.EntryId, s.Question, s.Count.ToString(), s.Reason]);
        Table(ansi, "Least helpful answers", report.WorstHelpful, ["Entry", "Helpful", "Not helpful", "Share"],
            e => [e.EntryId, e.Helpful.ToString(), e.NotHelpful.ToString(), e.HelpfulRatio.ToString("P0")]);
        Table(ansi, "Flagged outdated", report.FlaggedOutdated, ["Entry", "Flags", "Last flagged"],
            f => [f.EntryId, f.Count.ToString(), f.LastFlagged.ToString("yyyy-MM-dd")]);
        Table(ansi, "Review overdue", report.ReviewOverdue, ["Entry", "Reviewed"],
            r => [r.EntryId, r.Reviewed?.ToString("yyyy-MM-dd") ?? "never"]);
        Table(ansi, "Never matched", report.NeverMatched, ["Entry", "Question"],
            e => [e.EntryId, e.Question]);
    }

    private static void Table<T>(IAnsiConsole ansi, string title, IReadOnlyList<T> rows, string[] headers, Func<T, string[]> cells)
    {
        ansi.WriteLine();
        if (rows.Count == 0)
        {
            ansi.WriteLine($"{title}: none.");
            return;
        }

        var table = new Table { Title = new TableTitle($"{Markup.Escape(title)} ({rows.Count})"), Border = TableBorder.Simple };
        foreach (var header in headers)
        {
            table.AddColumn(Markup.Escape(header));
        }

        foreach (var row in rows)
        {
            // Visitors' words are shown literally: Spectre markup in a question must not be interpreted.
            table.AddRow(cells(row).Select(c => new Text(c)).ToArray<Spectre.Console.Rendering.IRenderable>());
        }

        ansi.Write(table);
    }
}
