namespace CcsviBot.Maintenance;

public enum ReloadTrigger
{
    Startup,
    FileChange,
    Poll,
    Manual,
}
