using System.CommandLine;
using System.Globalization;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Rendering;

namespace CcsviBot.Cli.Commands;

/// <summary><c>ask "question" [--faq PATH] [--json]</c>: the reply as a user sees it; without a question, one per input line.</summary>
internal static class AskCommand
{
    public sealed record SourceJson(string Title, string? Url);

    public sealed record SuggestionJson(string Id, string Question);

    public sealed record ReplyJson(
        string Kind,
        string? EntryId,
        double Confidence,
        string Text,
        IReadOnlyList<SourceJson> Sources,
        string Disclaimer,
        IReadOnlyList<SuggestionJson> Suggestions);

    public static Command Create(CliConsole console)
    {
        var question = new Argument<string[]>("question") { Arity = ArgumentArity.ZeroOrMore, Description = "The question (quotes optional). Without it, questions are read from standard input, one per line." };
        var faq = CliSettings.FaqOption();
        var json = CliSettings.JsonOption();
        var command = new Command("ask", "Ask the bot a question and show its reply.") { question, faq, json };
        command.SetAction(parsed =>
        {
            var settings = CliSettings.Load(console);
            using var knowledgeBase = settings.BuildKnowledgeBase(parsed.GetValue(faq), console);
            var engine = knowledgeBase.Engine;
            var asJson = parsed.GetValue(json);
            var words = parsed.GetValue(question) ?? [];
            if (words.Length > 0)
            {
                Write(console.Out, engine.Ask(string.Join(' ', words)), asJson, full: true);
                return ExitCodes.Ok;
            }

            if (console.InputIsInteractive && !asJson)
            {
                console.Out.WriteLine("Ask a question (an empty line or Ctrl+D ends).");
                while (true)
                {
                    console.Out.Write("> ");
                    var line = console.In.ReadLine();
                    if (string.IsNullOrWhiteSpace(line))
                    {
                        return ExitCodes.Ok;
                    }

                    Write(console.Out, engine.Ask(line), asJson: false, full: true);
                    console.Out.WriteLine();
                }
            }

            foreach (var line in console.InputLines())
            {
                Write(console.Out, engine.Ask(line), asJson, full: false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static ReplyJson ToJson(Reply reply) => new(
        KindName(reply.Kind),
        reply.Kind == ReplyKind.Answer ? reply.Entry?.Id : null,
        reply.Confidence,
        MarkdownReplyRenderer.Render(reply),
        reply.Kind == ReplyKind.Answer && reply.Entry is not null ? reply.Entry.Sources.Select(s => new SourceJson(s.Title, s.Url)).ToList() : [],
        reply.Disclaimer,
        reply.Suggestions.Select(s => new SuggestionJson(s.Id, s.Question)).ToList());

    public static string KindName(ReplyKind kind) => kind.ToString().ToLowerInvariant();

    private static void Write(TextWriter output, Reply reply, bool asJson, bool full)
    {
        if (asJson)
        {
            JsonOutput.WriteLine(output, ToJson(reply));
        }
        else if (full)
        {
            output.WriteLine(MarkdownReplyRenderer.Render(reply));
            if (reply.Suggestions.Count > 0)
            {
                output.WriteLine();
                output.WriteLine(reply.Kind == ReplyKind.Answer ? "Related questions:" : "You could ask:");
                foreach (var suggestion in reply.Suggestions)
                {
                    output.WriteLine($"- {suggestion.Question}");
                }
            }
        }
        else
        {
            // Batch text: one line per question, for a quick look or grep.
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{KindName(reply.Kind)}\t{(reply.Kind == ReplyKind.Answer ? reply.Entry?.Id : null) ?? "-"}\t{reply.Confidence:0.000}"));
        }
    }
}
