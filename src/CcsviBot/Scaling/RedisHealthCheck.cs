using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace CcsviBot.Scaling;

/// <summary>
/// Readiness with Redis: an instance that cannot reach the shared store cannot serve Direct Line, so a load balancer
/// should send web chats elsewhere (it still answers /api/messages and Teams, which need no Redis).
/// </summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync().ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis cannot be reached: Direct Line answers 503 until it is back.", exception);
        }
    }
}
