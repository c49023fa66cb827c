using System.Buffers;
using System.Text.Json;
using CcsviBot.Protocol;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.DirectLine;

/// <summary>The Direct Line 3.0 REST surface that Web Chat 4.18 and botframework-directlinejs call.</summary>
internal static class DirectLineEndpoints
{
    public const string CorsPolicy = "DirectLine";
    public const string BasePath = "/v3/directline";

    public static void MapDirectLineApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BasePath).RequireCors(CorsPolicy).RequireRateLimiting(DirectLineRateLimits.Requests);
        api.MapPost("/tokens/generate", GenerateToken).RequireRateLimiting(DirectLineRateLimits.Tokens);
        api.MapPost("/tokens/refresh", RefreshToken);
        api.MapPost("/conversations", StartConversation);
        api.MapGet("/conversations/{conversationId}", Reconnect);
        api.MapGet("/conversations/{conversationId}/activities", GetActivities);
        api.MapPost("/conversations/{conversationId}/activities", PostActivity).RequireRateLimiting(DirectLineRateLimits.Messages);
        api.MapPost("/conversations/{conversationId}/upload", Upload);
        api.MapGet("/conversations/{conversationId}/stream", DirectLineStream.AcceptAsync);

        // The page's own token endpoint: the site secret stays here, the browser only ever holds a conversation token.
        app.MapPost("/api/directline/token", PageToken).RequireCors(CorsPolicy).RequireRateLimiting(DirectLineRateLimits.Tokens);
    }

    internal sealed record TokenRequest(ChannelAccountRequest? User);

    internal sealed record ChannelAccountRequest(string? Id, string? Name);

    private static async Task<IResult> GenerateToken(HttpRequest request, DirectLineTokens tokens)
    {
        var check = tokens.CheckAuthorization(request.Headers.Authorization);
        if (check.Grant is not { IsSecret: true })
        {
            return DirectLineErrors.Forbidden(check.Problem,
                "tokens/generate needs the site secret; a web page gets its token from POST /api/directline/token.");
        }

        return Results.Json(IssueForNewConversation(tokens, await ReadUserIdAsync(request).ConfigureAwait(false)), ProtocolJson.Options);
    }

    private static IResult PageToken(DirectLineTokens tokens) =>
        Results.Json(IssueForNewConversation(tokens, userId: null), ProtocolJson.Options);

    private static IResult RefreshToken(HttpRequest request, DirectLineTokens tokens)
    {
        var check = tokens.CheckAuthorization(request.Headers.Authorization);
        if (check.Grant is not { IsSecret: false } grant)
        {
            return DirectLineErrors.Forbidden(check.Problem,
                "tokens/refresh needs a conversation token that has not expired.");
        }

        return Results.Json(
            new TokenResponse(grant.ConversationId!, tokens.Issue(grant.ConversationId!, grant.UserId!), (int)tokens.Lifetime.TotalSeconds),
            ProtocolJson.Options);
    }

    private static async Task<IResult> StartConversation(HttpRequest request, DirectLineTokens tokens, DirectLineConversationStore store, DirectLineBot bot)
    {
        var check = tokens.CheckAuthorization(request.Headers.Authorization);
        if (check.Grant is not { } grant)
        {
            return DirectLineErrors.Forbidden(check.Problem, "Starting a conversation needs a token or the site secret.");
        }

        var conversationId = grant.ConversationId ?? DirectLineConversationStore.NewConversationId();
        var userId = grant.UserId ?? await ReadUserIdAsync(request).ConfigureAwait(false) ?? DirectLineConversationStore.NewUserId();
        var conversation = store.GetOrStart(conversationId, userId, out var created);
        if (created)
        {
            await bot.WelcomeAsync(conversation, ServiceUrl(request)).ConfigureAwait(false);
        }

        var response = ConversationFor(request, tokens, conversation, watermark: null);
        return created ? Results.Json(response, ProtocolJson.Options, statusCode: StatusCodes.Status201Created) : Results.Json(response, ProtocolJson.Options);
    }

    private static IResult Reconnect(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, DirectLineConversationStore store)
    {
        if (Authorize(request, tokens, store, conversationId, out var conversation) is { } refusal)
        {
            return refusal;
        }

        if (!DirectLineConversation.TryParseWatermark(watermark, out var from))
        {
            return DirectLineErrors.BadWatermark();
        }

        // Without a watermark a reconnecting client only gets what follows from now on.
        return Results.Json(ConversationFor(request, tokens, conversation, from ?? conversation.Head), ProtocolJson.Options);
    }

    private static IResult GetActivities(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, DirectLineConversationStore store)
    {
        if (Authorize(request, tokens, store, conversationId, out var conversation) is { } refusal)
        {
            return refusal;
        }

        if (!DirectLineConversation.TryParseWatermark(watermark, out var from))
        {
            return DirectLineErrors.BadWatermark();
        }

        return Results.Json(conversation.ReadAfter(from, includeTyping: false), ProtocolJson.Options);
    }

    private static async Task<IResult> PostActivity(string conversationId, HttpRequest request, DirectLineTokens tokens, DirectLineConversationStore store, DirectLineBot bot, IOptions<DirectLineOptions> options)
    {
        if (Authorize(request, tokens, store, conversationId, out var conversation) is { } refusal)
        {
            return refusal;
        }

        if (request.ContentLength > options.Value.MaxActivityBytes)
        {
            return DirectLineErrors.TooLarge(options.Value.MaxActivityBytes);
        }

        var body = await ReadBodyAsync(request, options.Value.MaxActivityBytes).ConfigureAwait(false);
        if (body is null)
        {
            return DirectLineErrors.TooLarge(options.Value.MaxActivityBytes);
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
        }
        catch (JsonException exception)
        {
            return DirectLineErrors.BadArgument("The body is not an activity in JSON: " + exception.Message);
        }

        if (activity?.Type is not { } type || !AcceptedTypes.Contains(type))
        {
            return DirectLineErrors.BadArgument($"An activity needs a type: one of {string.Join(", ", AcceptedTypes)}.");
        }

        var (id, botFailed) = await bot.ReceiveAsync(conversation, activity, ServiceUrl(request)).ConfigureAwait(false);
        return botFailed
            ? DirectLineErrors.Error(StatusCodes.Status502BadGateway, "BotError", "The bot could not handle this activity; please try again.")
            : Results.Json(new ResourceResponse(id), ProtocolJson.Options);
    }

    private static IResult Upload(string conversationId, HttpRequest request, DirectLineTokens tokens, DirectLineConversationStore store) =>
        Authorize(request, tokens, store, conversationId, out _)
        ?? DirectLineErrors.Error(StatusCodes.Status400BadRequest, "UploadNotSupported",
            "This bot answers typed questions only and does not accept files.");

    /// <summary>The conversation a bearer credential may use, or the refusal to send (403 wrong token, 404 unknown).</summary>
    internal static IResult? Authorize(HttpRequest request, DirectLineTokens tokens, DirectLineConversationStore store, string conversationId, out DirectLineConversation conversation) =>
        Authorize(tokens.CheckAuthorization(request.Headers.Authorization), store, conversationId, out conversation);

    internal static IResult? Authorize(TokenCheck check, DirectLineConversationStore store, string conversationId, out DirectLineConversation conversation)
    {
        conversation = null!;
        if (check.Grant is not { } grant)
        {
            return DirectLineErrors.Forbidden(check.Problem, check.Problem switch
            {
                TokenProblem.MissingToken => "An Authorization: Bearer token is needed.",
                TokenProblem.TokenExpired => "The token has expired: refresh it before it does, or get a new one.",
                _ => "The token is not valid.",
            });
        }

        if (!grant.Covers(conversationId))
        {
            return DirectLineErrors.Forbidden(TokenProblem.TokenInvalid, "The token is not valid for this conversation.");
        }

        var found = store.Find(conversationId);
        if (found is null)
        {
            return DirectLineErrors.Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found: it never started, or it expired.");
        }

        conversation = found;
        return null;
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/> bytes (chunked bodies have no length up front).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (read.Buffer.Length > limit)
            {
                reader.AdvanceTo(read.Buffer.End);
                return null;
            }

            if (read.IsCompleted)
            {
                var body = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return body;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static readonly string[] AcceptedTypes = [ActivityTypes.Message, "event", "typing", ActivityTypes.Invoke, "messageReaction"];

    private static TokenResponse IssueForNewConversation(DirectLineTokens tokens, string? userId)
    {
        var conversationId = DirectLineConversationStore.NewConversationId();
        return new(conversationId, tokens.Issue(conversationId, userId ?? DirectLineConversationStore.NewUserId()), (int)tokens.Lifetime.TotalSeconds);
    }

    private static Conversation ConversationFor(HttpRequest request, DirectLineTokens tokens, DirectLineConversation conversation, long? watermark)
    {
        var token = tokens.Issue(conversation.Id, conversation.UserId);
        return new(conversation.Id, token, (int)tokens.Lifetime.TotalSeconds, StreamUrl(request, conversation.Id, token, watermark));
    }

    /// <summary>This server's own base URL, given to the bot as <c>serviceUrl</c>.</summary>
    private static string ServiceUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/";

    /// <summary>DirectLineJS hands streamUrl straight to <c>new WebSocket()</c>: it must be an absolute ws(s) URL.</summary>
    private static string StreamUrl(HttpRequest request, string conversationId, string token, long? watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var url = $"{scheme}://{request.Host}{request.PathBase}{BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        return watermark is { } value ? $"{url}&watermark={DirectLineConversation.FormatWatermark(value)}" : url;
    }

    /// <summary>The optional <c>{"user":{"id"}}</c> body of tokens/generate and conversation start.</summary>
    private static async Task<string?> ReadUserIdAsync(HttpRequest request)
    {
        if (request.ContentLength is null or 0 || !request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            var body = await request.ReadFromJsonAsync<TokenRequest>(ProtocolJson.Options, request.HttpContext.RequestAborted).ConfigureAwait(false);
            var id = body?.User?.Id;
            return string.IsNullOrWhiteSpace(id) || id.Length > 128 ? null : id;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
