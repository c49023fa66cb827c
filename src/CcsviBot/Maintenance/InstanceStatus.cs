namespace CcsviBot.Maintenance;

/// <summary>One instance's last heartbeat: which FAQ version it serves (its local number, and the content's hash, comparable across instances).</summary>
public sealed record InstanceStatus(string Instance, long? FaqVersion, string? FaqContentHash, DateTimeOffset LastSeen);
