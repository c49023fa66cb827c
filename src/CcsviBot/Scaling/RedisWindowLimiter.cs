using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace CcsviBot.Scaling;

/// <summary>
/// A fixed-window limiter counted in Redis: windows are aligned to the clock (every instance agrees which window a
/// request falls in), the counter expires with its window, and a refusal says how long is left of it.
/// Only the asynchronous acquire asks Redis: the synchronous attempt answers "not now" without blocking a thread,
/// and the rate limiting middleware then awaits <see cref="RateLimiter.AcquireAsync"/>.
/// </summary>
internal sealed class RedisWindowLimiter(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    string policy,
    string partitionKey,
    int permits,
    TimeSpan window,
    TimeProvider time) : RateLimiter
{
    private long _lastUsed = time.GetTimestamp();

    /// <summary>How long since this partition was last used, so the framework drops idle partitions from memory.</summary>
    public override TimeSpan? IdleDuration => time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotNow;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, time.GetTimestamp());
        if (permitCount == 0)
        {
            return Lease.Granted;
        }

        var windowMilliseconds = (long)window.TotalMilliseconds;
        var index = time.GetUtcNow().ToUnixTimeMilliseconds() / windowMilliseconds;
        var result = (RedisResult[])(await RedisCalls.RunAsync(() => redis.GetDatabase().ScriptEvaluateAsync(RedisDirectLineScripts.CountInWindow,
            keys: [keys.RateWindow(policy, partitionKey, index)], values: [permitCount, permits, windowMilliseconds])).ConfigureAwait(false))!;
        return (int)result[0] == 1 ? Lease.Granted : new Lease(false, TimeSpan.FromMilliseconds((long)result[1]));
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static Lease Granted { get; } = new(true, null);

        public static Lease NotNow { get; } = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
