using System.CommandLine;

namespace CcsviBot.Cli.Commands;

/// <summary>Parses and invokes with the shared exit codes: usage and I/O errors give 2 and one clear line on stderr.</summary>
internal static class CliRunner
{
    public static int Invoke(RootCommand root, string[] args, CliConsole console)
    {
        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                console.Error.WriteLine($"error: {error.Message}");
            }

            console.Error.WriteLine("Run 'ccsvibot --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(configuration);
        }
        catch (CliUsageException ex)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
    }
}
