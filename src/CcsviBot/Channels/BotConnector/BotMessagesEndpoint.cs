using System.Net;
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
        if (bot.IsAnonymous && LocalModeRefusal(context.Request, bot) is { } refusal)
        {
            return refusal;
        }

        if (!bot.IsAnonymous && string.IsNullOrEmpty(authorization))
        {
            return Unauthorized("No Authorization header.");
        }

        if (!context.Request.HasJsonContentType())
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Not JSON",
                detail: "An activity is sent as Content-Type: application/json.");
        }

        var body = await JsonEdge.ReadAsync(context.Request, JsonEdge.MaxActivityBytes, cancellationToken);
        if (!body.IsValid)
        {
            return body.Problem == BodyProblem.TooLarge
                ? Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Activity too large", detail: body.Message)
                : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a valid activity", detail: body.Message);
        }

        var activity = JsonEdge.ReadActivity(body.Bytes!, out var error);
        if (activity is null || string.IsNullOrEmpty(activity.Type))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a valid activity", detail: error ?? "The activity has no 'type'.");
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
        else if (activity.ServiceUrl is not null && !ServiceUrls.IsLoopback(activity.ServiceUrl))
        {
            // Without authentication nothing vouches for serviceUrl: replies go to this machine only, or anyone could
            // make the bot POST wherever they like.
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Local replies only",
                detail: "Without Bot:MicrosoftAppId the bot replies only to a serviceUrl on this machine (localhost, 127.0.0.1, [::1]).");
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

    private static bool NeedsReplyAddress(Activity activity) =>
        activity.Is(ActivityTypes.Message) || activity.Is(ActivityTypes.ConversationUpdate);

    private static string? MissingReplyAddress(Activity activity) =>
        !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp)
            ? "The activity needs an absolute http(s) 'serviceUrl' to be answered."
            : string.IsNullOrEmpty(activity.Conversation?.Id) ? "The activity needs a 'conversation.id' to be answered." : null;

    /// <summary>
    /// Local mode (no app id) serves development tools on this machine, such as the Bot Framework Emulator, and nothing
    /// else: it must be allowed (Bot:AllowAnonymous, on by default in Development only), the request must come from
    /// loopback and not through a reverse proxy (which makes every request look local), and not from a web page (a
    /// browser sends Origin or Sec-Fetch-Site; a page open in the developer's browser must not drive the bot).
    /// </summary>
    private static IResult? LocalModeRefusal(HttpRequest request, BotOptions bot)
    {
        string? reason = null;
        if (bot.AllowAnonymous != true)
        {
            reason = "This bot has no Bot:MicrosoftAppId and anonymous local mode is off (Bot:AllowAnonymous).";
        }
        else if (!IsLoopback(request.HttpContext.Connection.RemoteIpAddress))
        {
            reason = "This bot has no Bot:MicrosoftAppId configured, so it accepts requests from this machine only.";
        }
        else if (request.Headers.ContainsKey("X-Forwarded-For") || request.Headers.ContainsKey("Forwarded"))
        {
            reason = "Without Bot:MicrosoftAppId, requests forwarded by a proxy are refused: behind a proxy every request looks local.";
        }
        else if (request.Headers.ContainsKey("Origin") || request.Headers.ContainsKey("Sec-Fetch-Site"))
        {
            reason = "Without Bot:MicrosoftAppId, requests from web pages are refused.";
        }

        return reason is null ? null : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Local requests only", detail: reason);
    }

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
