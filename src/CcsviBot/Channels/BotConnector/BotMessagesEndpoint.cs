using System.Net;
using System.Text.Json;
using CcsviBot.Protocol;
using CcsviBot.Turns;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.BotConnector;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework channel endpoint. Authenticates, reads the activity, runs the turn,
/// queues the replies for the Bot Connector and answers at once (invokes: with their own status and body).
/// </summary>
public static partial class BotMessagesEndpoint
{
    public const string Path = "/api/messages";
    /// <summary>The Direct Line limit on one serialized activity, applied to every channel.</summary>
    public const int MaxActivityBytes = 256 * 1024;

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        IOptions<BotOptions> options,
        BotFrameworkAuthenticator authenticator,
        ITurnHandler turns,
        BotConnectorOutbox outbox,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(BotMessagesEndpoint));
        var bot = options.Value;
        var authorization = context.Request.Headers.Authorization.ToString();
        if (bot.IsAnonymous && !IsLoopback(context.Connection.RemoteIpAddress))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Local requests only",
                detail: "This bot has no Bot:MicrosoftAppId configured, so it accepts requests from this machine only.");
        }

        if (!bot.IsAnonymous && string.IsNullOrEmpty(authorization))
        {
            return Unauthorized("No Authorization header.");
        }

        var body = await ReadBodyAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Activity too large",
                detail: $"An activity may be at most {MaxActivityBytes / 1024} KB.");
        }

        var (activity, error) = Parse(body);
        if (activity is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a valid activity", detail: error);
        }

        if (!bot.IsAnonymous)
        {
            var outcome = await authenticator.AuthenticateAsync(authorization, activity, cancellationToken);
            if (!outcome.Succeeded)
            {
                LogRejected(logger, outcome.Failure, activity.ChannelId, activity.Conversation?.Id);
                return Unauthorized(outcome.Failure);
            }
        }

        if (NeedsReplyAddress(activity) && MissingReplyAddress(activity) is { } missing)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a valid activity", detail: missing);
        }

        TurnResult result;
        try
        {
            result = await turns.HandleAsync(activity, cancellationToken);
        }
        catch (KnowledgeBaseUnavailableException unavailable)
        {
            context.Response.Headers.RetryAfter = "10";
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready", detail: unavailable.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The pipeline answers message failures itself; this catches a failing invoke handler, so that no
            // activity a client sends ends in a 500.
            LogTurnFailed(logger, exception, activity.Type, activity.Name, activity.Conversation?.Id, activity.Id);
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The activity could not be handled");
        }

        if (result.Replies.Count > 0 && !await outbox.EnqueueAsync(result.Replies, cancellationToken))
        {
            LogShuttingDown(logger, activity.Conversation?.Id, activity.Id);
            context.Response.Headers.RetryAfter = "10";
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Shutting down");
        }

        if (activity.Is(ActivityTypes.Invoke))
        {
            var invoke = result.Invoke ?? new InvokeResponse(StatusCodes.Status501NotImplemented, null);
            return invoke.Body is null ? Results.StatusCode(invoke.Status) : Results.Json(invoke.Body, ProtocolJson.Options, statusCode: invoke.Status);
        }

        return Results.Ok();
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxActivityBytes"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxActivityBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxActivityBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private static (Activity? Activity, string? Error) Parse(byte[] body)
    {
        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
            return activity switch
            {
                null => (null, "The body must be a JSON activity object."),
                { Type: null or "" } => (null, "The activity has no 'type'."),
                _ => (activity, null),
            };
        }
        catch (JsonException exception)
        {
            return (null, $"The body is not a valid activity: {exception.Message}");
        }
    }

    private static bool NeedsReplyAddress(Activity activity) =>
        activity.Is(ActivityTypes.Message) || activity.Is(ActivityTypes.ConversationUpdate);

    private static string? MissingReplyAddress(Activity activity) =>
        !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp)
            ? "The activity needs an absolute http(s) 'serviceUrl' to be answered."
            : string.IsNullOrEmpty(activity.Conversation?.Id) ? "The activity needs a 'conversation.id' to be answered." : null;

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);

    private static IResult Unauthorized(string? reason) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity from channel {ChannelId}, conversation {ConversationId}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string? reason, string? channelId, string? conversationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed for {ActivityType} {InvokeName} in conversation {ConversationId}, activity {ActivityId}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? activityType, string? invokeName, string? conversationId, string? activityId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Shutting down: replies to conversation {ConversationId}, activity {ActivityId} were not queued")]
    private static partial void LogShuttingDown(ILogger logger, string? conversationId, string? activityId);
}
