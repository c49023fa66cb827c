using System.CommandLine;
using System.Globalization;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Rendering;

namespace CcsviBot.Cli.Commands;

/// <summary>
/// <c>ask "question" [--faq PATH] [--format text|tsv|json] [--json]</c>: the reply as a user sees it; without a question, one
/// per input line (interactive with a prompt, or piped). Text is for people; tsv and json are for scripts.
/// </summary>
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
        var question = CliSettings.QuestionArgument("The question (quotes optional). Without it, questions are read from standard input, one per line.");
        var faq = CliSettings.FaqOption();
        var format = new Option<string>("--format")
        {
            Description = "text: the reply as a user sees it; tsv: kind, entry id and confidence, one line per question; json: one object per line.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "tsv", "json");
        // search and eval take --json; ask takes it too, so that one spelling works everywhere.
        var json = CliSettings.JsonOption();
        var command = new Command("ask", "Ask the bot a question and show its reply.") { question, faq, format, json };
        command.SetAction(parsed =>
        {
            var settings = CliSettings.Load(console);
            using var knowledgeBase = settings.BuildKnowledgeBase(parsed.GetValue(faq), console);
            var engine = knowledgeBase.Engine;
            var output = parsed.GetValue(json) ? "json" : parsed.GetValue(format)!;
            var words = parsed.GetValue(question) ?? [];
            if (words.Length > 0)
            {
                Write(console.Out, engine.Ask(string.Join(' ', words)), output);
                return ExitCodes.Ok;
            }

            if (console.InputIsInteractive && output == "text")
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

                    Write(console.Out, engine.Ask(line), output);
                    console.Out.WriteLine();
                }
            }

            foreach (var line in console.InputLines())
            {
                if (output == "text")
                {
                    // Piped questions: each reply under its question, so that the output reads as a transcript.
                    console.Out.WriteLine($"> {line}");
                }

                Write(console.Out, engine.Ask(line), output);
                if (output == "text")
                {
                    console.Out.WriteLine();
                }
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
        // A clarification's choices are its candidates; the text lists them, so a script must get them too.
        (reply.Kind == ReplyKind.Clarify ? reply.Candidates : reply.Suggestions).Select(s => new SuggestionJson(s.Id, s.Question)).ToList());

    public static string KindName(ReplyKind kind) => kind.ToString().ToLowerInvariant();

    private static void Write(TextWriter output, Reply reply, string format)
    {
        switch (format)
        {
            case "json":
                JsonOutput.WriteLine(output, ToJson(reply));
                break;
            case "tsv":
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{KindName(reply.Kind)}\t{(reply.Kind == ReplyKind.Answer ? reply.Entry?.Id : null) ?? "-"}\t{reply.Confidence:0.000}"));
                break;
            default:
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

                break;
        }
    }
}
