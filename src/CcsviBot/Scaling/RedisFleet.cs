using System.Security.Cryptography;
using System.Text.Json;
using CcsviBot.Maintenance;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CcsviBot.Scaling;

/// <summary>
/// The instances sharing one Redis. Each writes a heartbeat (its name, FAQ version and content hash) into the hash
/// <see cref="RedisKeys.Instances"/> every <see cref="RedisOptions.HeartbeatInterval"/>; one not heard from for three
/// intervals is dropped from the list. A reload asked of one instance is published on <see cref="RedisKeys.FaqReload"/>,
/// and every other instance reloads from its own FAQ path and heartbeats at once.
/// </summary>
internal sealed partial class RedisFleet(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    FaqReloader reloader,
    FaqContentHash contentHash,
    IOptions<RedisOptions> options,
    TimeProvider time,
    ILogger<RedisFleet> logger) : BackgroundService, IFleet
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TimeSpan _interval = options.Value.HeartbeatInterval;
    private CancellationToken _stopping;

    /// <summary>This instance's name among the others.</summary>
    public string Name { get; } = string.IsNullOrWhiteSpace(options.Value.InstanceName)
        ? $"{Environment.MachineName}:{Environment.ProcessId}:{RandomNumberGenerator.GetHexString(4, lowercase: true)}"
        : options.Value.InstanceName;

    /// <summary>Redis being down does not undo the local reload: it is logged, and the others keep their version until asked again.</summary>
    public async Task AnnounceReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(keys.FaqReload, Name).ConfigureAwait(false);
            await HeartbeatAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogHeartbeatFailed(exception);
        }
    }

    /// <summary>The status page is most wanted when something is wrong: without Redis it lists no instance rather than failing.</summary>
    public async Task<IReadOnlyList<InstanceStatus>?> ListInstancesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ListLiveInstancesAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogHeartbeatFailed(exception);
            return [];
        }
    }

    private async Task<IReadOnlyList<InstanceStatus>> ListLiveInstancesAsync()
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(keys.Instances).ConfigureAwait(false);
        var staleBefore = time.GetUtcNow() - 3 * _interval;
        var live = new List<InstanceStatus>();
        foreach (var entry in entries)
        {
            var status = JsonSerializer.Deserialize<InstanceStatus>((string)entry.Value!, Json);
            if (status is null || status.LastSeen < staleBefore)
            {
                await redis.GetDatabase().HashDeleteAsync(keys.Instances, entry.Name).ConfigureAwait(false);
            }
            else
            {
                live.Add(status);
            }
        }

        return [.. live.OrderBy(status => status.Instance, StringComparer.Ordinal)];
    }

    /// <summary>Called for each reload announcement (ours included, which is ignored: this instance already reloaded).</summary>
    public void ReloadRequested(string sender)
    {
        if (sender == Name || _stopping.IsCancellationRequested)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                var result = await reloader.ReloadAsync(ReloadTrigger.Peer, _stopping).ConfigureAwait(false);
                LogPeerReload(sender, result.Version, result.Published);
                await HeartbeatAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException or OperationCanceledException)
            {
                LogHeartbeatFailed(exception);
            }
        }, CancellationToken.None);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        using var timer = new PeriodicTimer(_interval, time);
        do
        {
            try
            {
                await HeartbeatAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                LogHeartbeatFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Leave the list at once rather than after three missed heartbeats.
            await redis.GetDatabase().HashDeleteAsync(keys.Instances, Name).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogHeartbeatFailed(exception);
        }
    }

    private async Task HeartbeatAsync()
    {
        var (version, hash) = contentHash.Current();
        var status = new InstanceStatus(Name, version, hash, time.GetUtcNow());
        await redis.GetDatabase().HashSetAsync(keys.Instances, Name, JsonSerializer.Serialize(status, Json)).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "FAQ reloaded at the request of instance {Sender}: version {Version}, published {Published}")]
    private partial void LogPeerReload(string sender, long? version, bool published);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis heartbeat or reload failed")]
    private partial void LogHeartbeatFailed(Exception exception);
}
