using System.CommandLine;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Text;

namespace CcsviBot.Cli.Commands;

/// <summary><c>faq check [--faq PATH] [--strict]</c>: every content rule, as file:line messages; exit 1 on errors (and on warnings with --strict).</summary>
internal static class FaqCheckCommand
{
    public static Command Create(CliConsole console, TimeProvider? time = null)
    {
        var faq = CliSettings.FaqOption();
        // CI passes --strict so that a warning (an incomplete source, an overdue review) is fixed before it merges.
        var strict = new Option<bool>("--strict") { Description = "Fail on warnings too." };
        var command = new Command("check", "Validate the FAQ: front matter, ids, related ids, sources, word limits, duplicates, review dates.") { faq, strict };
        command.SetAction(parsed =>
        {
            var settings = CliSettings.Load(console);
            var path = settings.FaqPath(parsed.GetValue(faq), console);
            if (!Directory.Exists(path) && !File.Exists(path))
            {
                throw new CliUsageException($"no such folder or file: {path}");
            }

            var today = DateOnly.FromDateTime((time ?? TimeProvider.System).GetUtcNow().UtcDateTime);
            var diagnostics = FaqChecker.Check(FaqLoader.Load(path, settings.ConfiguredFaqPath), today);
            foreach (var diagnostic in diagnostics)
            {
                console.Out.WriteLine(diagnostic.ToString());
            }

            var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var warnings = diagnostics.Count - errors;
            console.Out.WriteLine($"{path}: {Counted.Of(errors, "error")}, {Counted.Of(warnings, "warning")}");
            return errors > 0 || (warnings > 0 && parsed.GetValue(strict)) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
