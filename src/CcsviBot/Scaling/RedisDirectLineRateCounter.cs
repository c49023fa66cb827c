using System.Threading.RateLimiting;
using CcsviBot.Channels.DirectLine;
using StackExchange.Redis;

namespace CcsviBot.Scaling;

/// <summary>Counts every partition in Redis, so a conversation's or an address's requests count on all instances together.</summary>
internal sealed class RedisDirectLineRateCounter(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider time) : IDirectLineRateCounter
{
    public RateLimiter Create(string policy, string partitionKey, int permits, TimeSpan window) =>
        new RedisWindowLimiter(redis, keys, policy, partitionKey, permits, window, time);
}
