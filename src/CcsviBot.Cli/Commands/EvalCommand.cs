using System.CommandLine;
using System.Globalization;
using CcsviBot.Core.Evaluation;

namespace CcsviBot.Cli.Commands;

/// <summary><c>eval --questions FILE.tsv [--split PART] [--faq PATH] [--json]</c>: the quality figures and the misses; exit 1 below the floors.</summary>
internal static class EvalCommand
{
    public sealed record OutcomeJson(int Line, string Question, string Expected, string Got, double Confidence, bool Miss)
    {
        public static OutcomeJson From(EvaluationOutcome outcome) =>
            new(outcome.Case.Line, outcome.Case.Question, outcome.Case.Expected, outcome.Got, outcome.Reply.Confidence, outcome.IsMiss);
    }

    public static Command Create(CliConsole console)
    {
        var questions = new Option<string>("--questions") { Description = "Evaluation file: header 'question<TAB>expected', expected = id, ids joined by '|', none or urgent." };
        var safety = new Option<string>("--safety") { Description = "Safety evaluation file (faq/eval/urgent.tsv): message<TAB>emergency|crisis|info<TAB>category<TAB>writer." };
        var split = new Option<string>("--split") { Description = "Only the lines whose 'split' column is this (faq/eval/real-questions.tsv: tune or report)." };
        var faq = CliSettings.FaqOption();
        var json = CliSettings.JsonOption();
        var command = new Command("eval", "Evaluate the bot on a question set (--questions) or the safety screen on labelled messages (--safety), and list the misses.") { questions, split, safety, faq, json };
        command.SetAction(parsed =>
        {
            var settings = CliSettings.Load(console);
            if (parsed.GetValue(safety) is { } safetyFile)
            {
                return SafetyEvalCommand.Run(console, settings, ExistingFile(console, safetyFile), parsed.GetValue(faq), parsed.GetValue(json));
            }

            var file = ExistingFile(console, parsed.GetValue(questions) ?? throw new CliUsageException("eval needs --questions FILE or --safety FILE"));
            var (cases, error) = EvaluationSet.Parse(File.ReadLines(file), parsed.GetValue(split));
            if (error is not null)
            {
                throw new CliUsageException($"{file}: {error}");
            }

            using var knowledgeBase = settings.BuildKnowledgeBase(parsed.GetValue(faq), console);
            var unknown = cases.SelectMany(c => c.ExpectedIds.Select(id => (c, id))).Where(x => knowledgeBase.Content.Find(x.id) is null).ToList();
            foreach (var (evaluationCase, id) in unknown)
            {
                console.Error.WriteLine($"{file}:{evaluationCase.Line}: warning: expected id '{id}' is not an entry");
            }

            var report = Evaluator.Run(knowledgeBase.Engine, cases);
            var failed = report.FailedFloors();
            if (parsed.GetValue(json))
            {
                // The report's own figures, plus what a script needs to act on: the failed floors, the misses, and every
                // question's decision with its confidence (to see where right and wrong answers fall before moving a threshold).
                var body = JsonOutput.ToObject(report);
                body["failedFloors"] = JsonOutput.ToNode(failed);
                body["misses"] = JsonOutput.ToNode(report.Misses.Select(OutcomeJson.From).ToList());
                body["outcomes"] = JsonOutput.ToNode(report.Outcomes.Select(OutcomeJson.From).ToList());
                JsonOutput.WriteLine(console.Out, body);
            }
            else
            {
                WriteText(console.Out, report, failed);
            }

            return failed.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private static string ExistingFile(CliConsole console, string path)
    {
        var file = Path.GetFullPath(path, console.WorkingDirectory);
        return File.Exists(file) ? file : throw new CliUsageException($"no such file: {file}");
    }

    private static void WriteText(TextWriter output, EvaluationReport report, IReadOnlyList<string> failed)
    {
        string Line(string label, double value) => string.Create(CultureInfo.InvariantCulture, $"{label,-34}{value,8:P1}");
        output.WriteLine($"questions: {report.Questions} ({report.InScope} in scope, {report.OutOfScope} out of scope, {report.UrgentQuestions} urgent)");
        output.WriteLine(Line("answered correctly", report.AnsweredCorrectly));
        output.WriteLine(Line("answered wrongly", report.AnsweredWrongly));
        output.WriteLine(Line("clarified with the right candidate", report.ClarifiedWithRightCandidate));
        output.WriteLine(Line("retrieval top-1", report.RetrievalTop1));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"MRR@10",-34}{report.MrrAt10,8:0.000}"));
        output.WriteLine(Line("none on out-of-scope", report.NoneOnOutOfScope));
        output.WriteLine($"{"out-of-scope answered with an entry",-34}{report.OutOfScopeAnswered,8}");
        output.WriteLine(Line("urgent recall", report.UrgentRecall));
        output.WriteLine($"{"false urgent",-34}{report.FalseUrgent,8}");
        var misses = report.Misses.ToList();
        output.WriteLine();
        output.WriteLine($"misses ({misses.Count}):");
        foreach (var miss in misses)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  line {miss.Case.Line}: {miss.Case.Question}\n      expected {miss.Case.Expected}, got {miss.Got} ({miss.Reply.Confidence:0.00})"));
        }

        output.WriteLine();
        output.WriteLine(failed.Count == 0 ? "all quality floors met" : $"below the quality floors: {string.Join("; ", failed)}");
    }
}
