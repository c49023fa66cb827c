namespace CcsviBot.Cli.Commands;

/// <summary>Where a command reads and writes; tests pass their own readers and writers.</summary>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error, bool InputIsInteractive, string WorkingDirectory)
{
    public static CliConsole System() =>
        new(Console.In, Console.Out, Console.Error, !Console.IsInputRedirected, Directory.GetCurrentDirectory());

    /// <summary>Non-empty lines of standard input, for batch mode.</summary>
    public IEnumerable<string> InputLines()
    {
        while (In.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return line;
            }
        }
    }
}
