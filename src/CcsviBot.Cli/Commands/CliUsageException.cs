namespace CcsviBot.Cli.Commands;

/// <summary>A mistake of the person at the keyboard (bad path, bad option): a clear message and exit code 2, no stack trace.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
