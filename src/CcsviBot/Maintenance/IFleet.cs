namespace CcsviBot.Maintenance;

/// <summary>The instances serving this bot together, as far as maintenance is concerned: one FAQ version everywhere.</summary>
public interface IFleet
{
    /// <summary>Asks every other instance to reload the FAQ (this one already has).</summary>
    Task AnnounceReloadAsync(CancellationToken cancellationToken);

    /// <summary>The live instances and the FAQ each serves; null when this instance runs alone.</summary>
    Task<IReadOnlyList<InstanceStatus>?> ListInstancesAsync(CancellationToken cancellationToken);
}
