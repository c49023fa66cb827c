using System.CommandLine;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Text;

namespace CcsviBot.Cli.Commands;

/// <summary>
/// <c>faq export --format jsonl|qnamaker --out FILE [--faq PATH]</c>: the whole FAQ as JSON Lines (loadable by the bot)
/// or as a QnA Maker TSV (importable by QnA Maker, Custom Question Answering and <c>faq import</c>, losslessly).
/// </summary>
internal static class FaqExportCommand
{
    public static Command Create(CliConsole console)
    {
        var format = new Option<string>("--format") { Description = "Output format: jsonl or qnamaker.", Required = true };
        format.AcceptOnlyFromAmong("jsonl", "qnamaker");
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var faq = CliSettings.FaqOption();
        var command = new Command("export", "Export the whole FAQ as JSON Lines or a QnA Maker TSV.") { format, output, faq };
        command.SetAction(parsed =>
        {
            var settings = CliSettings.Load(console);
            var entries = settings.LoadFaq(settings.FaqPath(parsed.GetValue(faq), console), console, reportProblems: true).Content!.Entries;
            var target = Path.GetFullPath(parsed.GetValue(output)!, console.WorkingDirectory);
            var directory = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(directory);

            // Written beside the target and moved into place: an interrupted export never leaves half a file.
            var partial = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
            IReadOnlyList<string> problems = [];
            try
            {
                using (var writer = new StreamWriter(partial))
                {
                    if (parsed.GetValue(format) == "qnamaker")
                    {
                        problems = QnaMakerTsv.Write(entries, writer);
                    }
                    else
                    {
                        JsonLinesFaqWriter.Write(entries, writer);
                    }
                }

                File.Move(partial, target, overwrite: true);
            }
            finally
            {
                File.Delete(partial);
            }

            foreach (var problem in problems)
            {
                console.Error.WriteLine($"warning: {problem}");
            }

            console.Out.WriteLine($"exported {Counted.Of(entries.Count, "entry", "entries")} to {target}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
