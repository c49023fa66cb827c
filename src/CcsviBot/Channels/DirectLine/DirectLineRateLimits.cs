using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.DirectLine;

/// <summary>
/// Per-token rate limits (fixed one-minute windows). A valid token is counted by its conversation, so refreshing
/// it does not reset the count; anything else is counted by client address.
/// </summary>
internal sealed class DirectLineRateLimits(string name, Func<DirectLineOptions, int> permitsPerMinute, DirectLineTokens tokens, IOptions<DirectLineOptions> options)
    : IRateLimiterPolicy<string>
{
    public const string Messages = "DirectLineMessages";
    public const string Requests = "DirectLineRequests";
    public const string Tokens = "DirectLineTokens";

    private readonly int _permits = permitsPerMinute(options.Value);

    public static void AddPolicies(RateLimiterOptions limiter, DirectLineTokens tokens, IOptions<DirectLineOptions> options)
    {
        limiter.AddPolicy(Messages, new DirectLineRateLimits(Messages, o => o.MessagesPerMinute, tokens, options));
        limiter.AddPolicy(Requests, new DirectLineRateLimits(Requests, o => o.RequestsPerMinute, tokens, options));
        limiter.AddPolicy(Tokens, new DirectLineRateLimits(Tokens, o => o.TokensPerMinute, tokens, options));
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var grant = name == Tokens ? null : tokens.CheckAuthorization(httpContext.Request.Headers.Authorization).Grant
            ?? tokens.Check(httpContext.Request.Query["t"]).Grant;
        var key = grant?.ConversationId is { } conversationId
            ? "conversation:" + conversationId
            : "address:" + httpContext.Connection.RemoteIpAddress;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = _permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await DirectLineErrors.Error(StatusCodes.Status429TooManyRequests, "TooManyRequests",
                $"Too many requests: please wait {seconds} seconds.")
            .ExecuteAsync(context.HttpContext).ConfigureAwait(false);
    }
}
