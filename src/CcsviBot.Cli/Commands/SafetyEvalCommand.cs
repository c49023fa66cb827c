using System.Globalization;
using CcsviBot.Core.Evaluation;

namespace CcsviBot.Cli.Commands;

/// <summary><c>eval --safety FILE</c>: the safety screen's recall per category, false urgent and what each miss got.</summary>
internal static class SafetyEvalCommand
{
    public sealed record OutcomeJson(string Message, string Label, string Category, string Writer, string Got);

    public static int Run(CliConsole console, CliSettings settings, string file, string? faqOption, bool json)
    {
        var (examples, problems) = SafetyEvaluationSet.Parse(file, File.ReadAllText(file));
        if (problems.Count > 0)
        {
            throw new CliUsageException(string.Join(Environment.NewLine, problems));
        }

        using var knowledgeBase = settings.BuildKnowledgeBase(faqOption, console, answers: false);
        var report = SafetyEvaluator.Run(knowledgeBase.Engine, examples);
        var failed = report.FailedFloors();
        OutcomeJson Json(SafetyOutcome o) => new(o.Example.Text, o.Example.Label.ToString().ToLowerInvariant(), o.Example.Category, o.Example.Writer, o.Got);
        if (json)
        {
            var body = JsonOutput.ToObject(report);
            body["failedFloors"] = JsonOutput.ToNode(failed);
            body["misses"] = JsonOutput.ToNode(report.Misses.Select(Json).ToList());
            body["falseUrgentMessages"] = JsonOutput.ToNode(report.FalseAlarms.Select(Json).ToList());
            JsonOutput.WriteLine(console.Out, body);
            return failed.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        }

        var output = console.Out;
        string Line(string label, double value) => string.Create(CultureInfo.InvariantCulture, $"{label,-34}{value,8:P1}");
        output.WriteLine($"messages: {report.Outcomes.Count} ({report.UrgentMessages} urgent, {report.InformationalMessages} informational)");
        output.WriteLine(Line("urgent recall", report.UrgentRecall));
        output.WriteLine(Line("crisis reply on crisis lines", report.CrisisReplyOnCrisis));
        output.WriteLine(Line("false urgent on informational", report.FalseUrgentRate) + $" ({report.FalseUrgent})");
        output.WriteLine(Line("informational with note or urgent", report.NoteOnInformational));
        output.WriteLine();
        output.WriteLine("recall by category:");
        foreach (var category in report.Categories)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {category.Category,-18}{category.Recognised,4}/{category.Urgent}"));
        }

        void List(string title, List<SafetyOutcome> outcomes)
        {
            output.WriteLine();
            output.WriteLine($"{title} ({outcomes.Count}):");
            foreach (var outcome in outcomes)
            {
                output.WriteLine($"  [{outcome.Example.Label.ToString().ToLowerInvariant()} {outcome.Example.Category}] {outcome.Example.Text}\n      got {outcome.Got}");
            }
        }

        List("missed urgent", report.Misses.ToList());
        List("false urgent", report.FalseAlarms.ToList());
        output.WriteLine();
        output.WriteLine(failed.Count == 0 ? "all safety floors met" : $"below the floors: {string.Join("; ", failed)}");
        return failed.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
