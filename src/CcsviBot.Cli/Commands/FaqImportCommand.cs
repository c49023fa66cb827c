using System.CommandLine;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Text;

namespace CcsviBot.Cli.Commands;

/// <summary>
/// <c>faq import --format qnamaker FILE.tsv [--out faq/entries] [--overwrite]</c>: a QnA Maker / Custom Question Answering
/// TSV export into entry files. Problems the maintainer must fix (missing sources above all) are listed as file:line
/// messages and give exit code 1; existing entry files are never replaced unless --overwrite is given.
/// </summary>
internal static class FaqImportCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The TSV file exported from QnA Maker or Custom Question Answering." };
        var format = new Option<string>("--format") { Description = "Input format: qnamaker.", Required = true };
        format.AcceptOnlyFromAmong("qnamaker");
        var output = new Option<string?>("--out") { Description = "Folder for the entry files; default: the entries folder of Faq:Path." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace entry files that already exist." };
        var command = new Command("import", "Import a QnA Maker TSV export as entry files.") { file, format, output, overwrite };
        command.SetAction(parsed =>
        {
            var input = Path.GetFullPath(parsed.GetValue(file)!, console.WorkingDirectory);
            if (!File.Exists(input))
            {
                throw new CliUsageException($"no such file: {input}");
            }

            var folder = parsed.GetValue(output) is { Length: > 0 } given
                ? Path.GetFullPath(given, console.WorkingDirectory)
                : Path.Combine(CliSettings.Load(console).ConfiguredFaqPath ?? throw new CliUsageException("pass --out FOLDER (no Faq:Path configured)"), FaqLoader.EntriesFolder);

            IReadOnlyList<FaqEntry> entries;
            IReadOnlyList<FaqDiagnostic> diagnostics;
            using (var reader = new StreamReader(input))
            {
                (entries, diagnostics) = QnaMakerTsv.Read(reader, input);
            }

            foreach (var diagnostic in diagnostics)
            {
                console.Out.WriteLine(diagnostic.ToString());
            }

            if (entries.Count == 0)
            {
                throw new CliUsageException($"{input}: no question/answer pairs to import");
            }

            var targets = entries.Select(e => (Entry: e, Path: Path.Combine(folder, FaqEntryMarkdownWriter.FileName(e)))).ToList();
            var existing = targets.Where(t => File.Exists(t.Path)).Select(t => t.Path).ToList();
            if (existing.Count > 0 && !parsed.GetValue(overwrite))
            {
                throw new CliUsageException($"{existing.Count} entry file(s) already exist (first: {existing[0]}); nothing was written. Use --overwrite to replace them.");
            }

            Directory.CreateDirectory(folder);
            foreach (var (entry, path) in targets)
            {
                File.WriteAllText(path, FaqEntryMarkdownWriter.Write(entry));
            }

            var blocked = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Line).Distinct().Count();
            console.Out.WriteLine($"imported {Counted.Of(entries.Count, "entry", "entries")} into {folder}" +
                (blocked > 0 ? $"; {Counted.Of(blocked, "entry needs", "entries need")} fixing before they can be published (see the errors above, then run 'ccsvibot faq check')" : ""));
            return blocked > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
