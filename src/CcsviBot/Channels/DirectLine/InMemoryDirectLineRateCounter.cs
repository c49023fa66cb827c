using System.Threading.RateLimiting;

namespace CcsviBot.Channels.DirectLine;

/// <summary>Counts each partition in this process (one instance, or sticky sessions).</summary>
internal sealed class InMemoryDirectLineRateCounter(TimeProvider time) : IDirectLineRateCounter
{
    public RateLimiter Create(string policy, string partitionKey, int permits, TimeSpan window) => new FixedWindowLimiter(permits, window, time);
}
