using System.CommandLine;
using System.Globalization;
using CcsviBot.Core.Answering;

namespace CcsviBot.Cli.Commands;

/// <summary><c>search "question" [--faq PATH] [--top N] [--json]</c>: ranked candidates with scores; batch from standard input.</summary>
internal static class SearchCommand
{
    public sealed record ResultJson(string Id, double Score);

    public sealed record SearchJson(string Question, IReadOnlyList<ResultJson> Results);

    public static Command Create(CliConsole console)
    {
        var question = CliSettings.QuestionArgument("The question. Without it, questions are read from standard input, one per line.");
        var faq = CliSettings.FaqOption();
        var json = CliSettings.JsonOption();
        var top = new Option<int>("--top") { Description = "How many candidates to show (1–50).", DefaultValueFactory = _ => 5 };
        top.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 50)
            {
                result.AddError("--top must be between 1 and 50.");
            }
        });
        var explain = new Option<bool>("--explain") { Description = "Also show how the question was read: its terms, spelling corrections and synonyms." };
        var command = new Command("search", "Show the ranked candidates and their scores for a question (the maintainers' test pane).") { question, faq, top, json, explain };
        command.SetAction(parsed =>
        {
            var settings = CliSettings.Load(console);
            using var knowledgeBase = settings.BuildKnowledgeBase(parsed.GetValue(faq), console, answers: false);
            var words = parsed.GetValue(question) ?? [];
            var questions = words.Length > 0 ? [string.Join(' ', words)] : console.InputLines();
            foreach (var text in questions)
            {
                var hits = knowledgeBase.Engine.Search(text, parsed.GetValue(top));
                if (parsed.GetValue(json))
                {
                    JsonOutput.WriteLine(console.Out, new SearchJson(text, hits.Select(h => new ResultJson(h.Entry.Id, h.Score)).ToList()));
                    continue;
                }

                console.Out.WriteLine(text);
                if (parsed.GetValue(explain) && knowledgeBase.Engine is AnswerEngine engine)
                {
                    foreach (var term in engine.Analyze(text).Terms)
                    {
                        var corrected = term.Original is null ? "" : $" (corrected from '{term.Original}')";
                        var synonyms = term.Alternatives.Count == 0 ? "" : $" = {string.Join(" | ", term.Alternatives)}";
                        console.Out.WriteLine($"  term: {term.Text}{corrected}{synonyms}{(term.Known ? "" : " [not in the FAQ]")}");
                    }
                }

                if (hits.Count == 0)
                {
                    console.Out.WriteLine("  (no candidates)");
                }

                for (var i = 0; i < hits.Count; i++)
                {
                    console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {i + 1,2}. {hits[i].Score,7:0.0000}  {hits[i].Entry.Id}  ({hits[i].Entry.Question})"));
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
