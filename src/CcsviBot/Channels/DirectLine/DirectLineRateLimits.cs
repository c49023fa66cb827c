using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.DirectLine;

/// <summary>
/// Per-token rate limits (fixed one-minute windows). A valid token is counted by its conversation, so refreshing
/// it does not reset the count; anything else is counted by client address (<see cref="ClientAddress"/>).
/// The 429's Retry-After is what is left of the window, not the whole window.
/// </summary>
internal sealed class DirectLineRateLimits(string name, Func<DirectLineOptions, int> permitsPerMinute, IOptions<DirectLineOptions> options, IDirectLineRateCounter counter)
    : IRateLimiterPolicy<string>
{
    public const string Messages = "DirectLineMessages";
    public const string Requests = "DirectLineRequests";
    public const string Tokens = "DirectLineTokens";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly int _permits = permitsPerMinute(options.Value);

    public static void AddPolicies(RateLimiterOptions limiter, IOptions<DirectLineOptions> options, IDirectLineRateCounter counter)
    {
        limiter.AddPolicy(Messages, new DirectLineRateLimits(Messages, o => o.MessagesPerMinute, options, counter));
        limiter.AddPolicy(Requests, new DirectLineRateLimits(Requests, o => o.RequestsPerMinute, options, counter));
        limiter.AddPolicy(Tokens, new DirectLineRateLimits(Tokens, o => o.TokensPerMinute, options, counter));
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        // The credential was checked before the limiter ran (DirectLineExtensions), once per request.
        var grant = name == Tokens ? null : DirectLineTokens.Checked(httpContext)?.Grant;
        var key = grant?.ConversationId is { } conversationId
            ? "conversation:" + conversationId
            : "address:" + ClientAddress.Key(httpContext.Connection.RemoteIpAddress);
        return RateLimitPartition.Get(key, partition => counter.Create(name, partition, _permits, Window));
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        await DirectLineErrors.TooManyRequests(context.HttpContext, retryAfter, "Too many requests")
            .ExecuteAsync(context.HttpContext).ConfigureAwait(false);
    }
}

/// <summary>
/// How a client address is counted: an IPv4 address as itself, an IPv6 address by its /64 network (one host gets a
/// whole /64 and can pick any address in it), an IPv4-mapped IPv6 address as the IPv4 address.
/// </summary>
internal static class ClientAddress
{
    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

/// <summary>
/// A fixed-window counter that knows when its window ends, so that a refusal says how long is really left
/// (the framework's fixed window limiter always answers with the whole window).
/// </summary>
internal sealed class FixedWindowLimiter(int permits, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = time.GetUtcNow();
    private int _used;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var idle = time.GetUtcNow() - (_windowStart + window);
                return _used == 0 ? time.GetUtcNow() - _windowStart : idle > TimeSpan.Zero ? idle : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, permits - _used) };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _windowStart >= window)
            {
                _windowStart = now;
                _used = 0;
            }

            if (_used + permitCount <= permits)
            {
                _used += permitCount;
                return Lease.Granted;
            }

            return new Lease(false, _windowStart + window - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static Lease Granted { get; } = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}

/// <summary>Retry-After in whole seconds, at least one.</summary>
internal static class RetryAfter
{
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public static void Set(HttpContext context, TimeSpan wait) =>
        context.Response.Headers.RetryAfter = Seconds(wait).ToString(CultureInfo.InvariantCulture);
}
