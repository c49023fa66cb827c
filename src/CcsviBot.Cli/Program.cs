using System.CommandLine;
using CcsviBot.Cli.Commands;

namespace CcsviBot.Cli;

/// <summary>Composes the commands; each lives in its own file under Commands/.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, CliConsole.System());

    internal static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("ccsvibot: ask the CCSVI FAQ bot, test searches, evaluate and check the FAQ.")
        {
            AskCommand.Create(console),
            SearchCommand.Create(console),
            EvalCommand.Create(console),
            ReportCommand.Create(console),
            new Command("faq", "Maintain the FAQ content.")
            {
                FaqCheckCommand.Create(console),
                FaqImportCommand.Create(console),
                FaqExportCommand.Create(console),
            },
            TeamsPackageCommand.Create(console),
        };

        return CliRunner.Invoke(root, args, console);
    }
}
