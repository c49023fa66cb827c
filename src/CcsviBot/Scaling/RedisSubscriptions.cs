using StackExchange.Redis;

namespace CcsviBot.Scaling;

/// <summary>
/// Subscribes this instance to the conversation-changed channel (for its streams) and the FAQ reload channel. Redis
/// may be down at start-up, so it keeps trying; once subscribed, StackExchange.Redis re-subscribes after reconnects.
/// </summary>
internal sealed partial class RedisSubscriptions(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    RedisStreamSignals signals,
    RedisFleet fleet,
    ILogger<RedisSubscriptions> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscriber = redis.GetSubscriber();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await subscriber.SubscribeAsync(keys.ConversationChanged, (_, message) => signals.Changed(message!)).ConfigureAwait(false);
                await subscriber.SubscribeAsync(keys.FaqReload, (_, message) => fleet.ReloadRequested(message!)).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                LogSubscribeFailed(exception);
                await Task.Delay(RetryAfterFailure, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing to Redis failed; trying again")]
    private partial void LogSubscribeFailed(Exception exception);
}
