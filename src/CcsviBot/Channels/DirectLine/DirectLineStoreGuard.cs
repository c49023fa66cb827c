namespace CcsviBot.Channels.DirectLine;

/// <summary>
/// Turns an unreachable conversation store into Direct Line's 503 with Retry-After, for every Direct Line request
/// (the rate limiter's counters may live in the same store). DirectLineJS retries on 5xx; other channels never get here.
/// </summary>
internal static partial class DirectLineStoreGuard
{
    /// <summary>How long clients are asked to wait: long enough for a store fail-over, short enough to feel live.</summary>
    public static readonly TimeSpan RetryAfterUnavailable = TimeSpan.FromSeconds(5);

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (DirectLineStoreUnavailableException exception) when (!context.Response.HasStarted)
        {
            LogUnavailable(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DirectLineStoreGuard)), exception, context.Request.Path);
            context.Response.Clear();
            await DirectLineErrors.Full(context, RetryAfterUnavailable,
                    "The conversation store is unreachable right now: please try again shortly. Nothing already sent was lost.")
                .ExecuteAsync(context).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line {Path}: the conversation store is unreachable, answered 503")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string path);
}
