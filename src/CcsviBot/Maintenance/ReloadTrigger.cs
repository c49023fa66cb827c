namespace CcsviBot.Maintenance;

public enum ReloadTrigger
{
    Startup,
    FileChange,
    Poll,
    Manual,
    /// <summary>Another instance was asked to reload (/admin/reload) and told every instance to.</summary>
    Peer,
}
