namespace CcsviBot.Maintenance;

/// <summary>No shared store: this instance is the whole fleet, and there is no one else to tell.</summary>
internal sealed class SingleInstanceFleet : IFleet
{
    public Task AnnounceReloadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<InstanceStatus>?> ListInstancesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InstanceStatus>?>(null);
}
