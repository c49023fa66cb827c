namespace CcsviBot.Cli.Commands;

/// <summary>Exit codes shared by every command.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}
