using System.Text.Json;
using CcsviBot.Protocol;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.DirectLine;

/// <summary>The Direct Line 3.0 REST surface that Web Chat 4.18 and botframework-directlinejs call.</summary>
internal static class DirectLineEndpoints
{
    public const string CorsPolicy = "DirectLine";
    public const string BasePath = "/v3/directline";
    public const string PageTokenPath = "/api/directline/token";

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
        app.MapPost(PageTokenPath, PageToken).RequireCors(CorsPolicy).RequireRateLimiting(DirectLineRateLimits.Tokens);
    }

    internal sealed record TokenRequest(ChannelAccountRequest? User);

    internal sealed record ChannelAccountRequest(string? Id, string? Name);

    private static async Task<IResult> GenerateToken(HttpContext context, DirectLineTokens tokens, CancellationToken cancellationToken)
    {
        var check = await tokens.CheckAsync(context).ConfigureAwait(false);
        if (check.Grant is not { IsSecret: true })
        {
            return DirectLineErrors.Forbidden(check.Problem,
                "tokens/generate needs the site secret; a web page gets its token from POST /api/directline/token.");
        }

        var user = await ReadUserIdAsync(context.Request, cancellationToken).ConfigureAwait(false);
        return user.Refusal ?? TypedResults.Json(IssueForNewConversation(tokens, user.Id), ProtocolJson.Options);
    }

    private static IResult PageToken(DirectLineTokens tokens) =>
        TypedResults.Json(IssueForNewConversation(tokens, userId: null), ProtocolJson.Options);

    /// <summary>A refresh is activity: it keeps the conversation alive, and only a live conversation's token is renewed.</summary>
    private static async Task<IResult> RefreshToken(HttpContext context, DirectLineTokens tokens, IDirectLineConversationStore store, CancellationToken cancellationToken)
    {
        var check = await tokens.CheckAsync(context).ConfigureAwait(false);
        if (check.Grant is { IsSecret: true })
        {
            return DirectLineErrors.Forbidden(TokenProblem.TokenInvalid, "tokens/refresh needs a conversation token, not the site secret.");
        }

        var (conversation, refusal) = await AuthorizeAsync(check, store, check.Grant?.ConversationId ?? "", cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        return TypedResults.Json(
            new TokenResponse(conversation!.Id, tokens.Issue(conversation.Id, check.Grant!.UserId!), (int)tokens.Lifetime.TotalSeconds),
            ProtocolJson.Options);
    }

    private static async Task<IResult> StartConversation(HttpContext context, DirectLineTokens tokens, IDirectLineConversationStore store, DirectLineBot bot, CancellationToken cancellationToken)
    {
        var check = await tokens.CheckAsync(context).ConfigureAwait(false);
        if (check.Grant is not { } grant)
        {
            return DirectLineErrors.Forbidden(check.Problem, "Starting a conversation needs a token or the site secret.");
        }

        var user = grant.UserId is null ? await ReadUserIdAsync(context.Request, cancellationToken).ConfigureAwait(false) : default;
        if (user.Refusal is { } refused)
        {
            return refused;
        }

        var conversationId = grant.ConversationId ?? InMemoryDirectLineConversationStore.NewConversationId();
        var userId = grant.UserId ?? user.Id ?? InMemoryDirectLineConversationStore.NewUserId();
        var start = await store.StartAsync(conversationId, userId, ClientAddress.Key(context.Connection.RemoteIpAddress), cancellationToken).ConfigureAwait(false);
        switch (start.Refusal)
        {
            case StartRefusal.Full:
                return DirectLineErrors.Full(context, start.RetryAfter, "Too many visitors are chatting right now: please try again shortly.");
            case StartRefusal.AddressLimit:
                return DirectLineErrors.TooManyRequests(context, start.RetryAfter, "Too many conversations from this address");
        }

        var conversation = start.Conversation!;
        if (start.Created)
        {
            await bot.WelcomeAsync(conversation, ServiceUrl(context.Request), cancellationToken).ConfigureAwait(false);
        }

        var response = ConversationFor(context.Request, tokens, conversation, watermark: null);
        return start.Created ? TypedResults.Json(response, ProtocolJson.Options, statusCode: StatusCodes.Status201Created) : TypedResults.Json(response, ProtocolJson.Options);
    }

    private static async Task<IResult> Reconnect(string conversationId, string? watermark, HttpContext context, DirectLineTokens tokens, IDirectLineConversationStore store, CancellationToken cancellationToken)
    {
        var (conversation, refusal) = await AuthorizeAsync(context, tokens, store, conversationId, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!DirectLineConversation.TryParseWatermark(watermark, out var from))
        {
            return DirectLineErrors.BadWatermark();
        }

        // Without a watermark a reconnecting client only gets what follows from now on.
        return TypedResults.Json(ConversationFor(context.Request, tokens, conversation!, from ?? await conversation!.HeadAsync(cancellationToken).ConfigureAwait(false)), ProtocolJson.Options);
    }

    private static async Task<IResult> GetActivities(string conversationId, string? watermark, HttpContext context, DirectLineTokens tokens, IDirectLineConversationStore store, CancellationToken cancellationToken)
    {
        var (conversation, refusal) = await AuthorizeAsync(context, tokens, store, conversationId, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!DirectLineConversation.TryParseWatermark(watermark, out var from))
        {
            return DirectLineErrors.BadWatermark();
        }

        var set = await conversation!.ReadAfterAsync(from, includeTyping: false, cancellationToken).ConfigureAwait(false);
        return set is null ? DirectLineErrors.NotFound() : TypedResults.Bytes(set.ToUtf8Json(), "application/json; charset=utf-8");
    }

    private static async Task<IResult> PostActivity(string conversationId, HttpContext context, DirectLineTokens tokens, IDirectLineConversationStore store, DirectLineBot bot, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var (conversation, refusal) = await AuthorizeAsync(context, tokens, store, conversationId, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var body = await JsonEdge.ReadAsync(context.Request, options.Value.MaxActivityBytes, cancellationToken).ConfigureAwait(false);
        if (!body.IsValid)
        {
            return DirectLineErrors.Refused(body);
        }

        var activity = JsonEdge.ReadActivity(body.Bytes!, out var error);
        if (activity is null)
        {
            return DirectLineErrors.BadArgument(error!);
        }

        if (activity.Type is not { } type || !AcceptedTypes.Contains(type))
        {
            return DirectLineErrors.BadArgument($"An activity needs a type: one of {string.Join(", ", AcceptedTypes)}.");
        }

        var (id, botFailed, outcome) = await bot.ReceiveAsync(conversation!, activity, ServiceUrl(context.Request), cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            AppendOutcome.TooLarge => DirectLineErrors.TooLarge("This activity is larger than a conversation may hold."),
            AppendOutcome.StoreFull => DirectLineErrors.Full(context, TimeSpan.FromSeconds(30),
                "The server holds as many conversations as its memory allows: please try again shortly."),
            _ when botFailed => DirectLineErrors.Error(StatusCodes.Status502BadGateway, "BotError", "The bot could not handle this activity; please try again."),
            _ => TypedResults.Json(new ResourceResponse(id), ProtocolJson.Options),
        };
    }

    private static async Task<IResult> Upload(string conversationId, HttpContext context, DirectLineTokens tokens, IDirectLineConversationStore store, CancellationToken cancellationToken) =>
        (await AuthorizeAsync(context, tokens, store, conversationId, cancellationToken).ConfigureAwait(false)).Refusal
        ?? DirectLineErrors.Error(StatusCodes.Status400BadRequest, "UploadNotSupported",
            "This bot answers typed questions only and does not accept files.");

    /// <summary>The conversation the request's credential may use, or the refusal to send (403 wrong token, 404 unknown or expired).</summary>
    internal static async Task<(IDirectLineConversation? Conversation, IResult? Refusal)> AuthorizeAsync(HttpContext context, DirectLineTokens tokens, IDirectLineConversationStore store, string conversationId, CancellationToken cancellationToken) =>
        await AuthorizeAsync(await tokens.CheckAsync(context).ConfigureAwait(false), store, conversationId, cancellationToken).ConfigureAwait(false);

    internal static async Task<(IDirectLineConversation? Conversation, IResult? Refusal)> AuthorizeAsync(TokenCheck check, IDirectLineConversationStore store, string conversationId, CancellationToken cancellationToken)
    {
        if (check.Grant is not { } grant)
        {
            return (null, DirectLineErrors.Forbidden(check.Problem, check.Problem switch
            {
                TokenProblem.MissingToken => "An Authorization: Bearer token is needed.",
                TokenProblem.TokenExpired => "The token has expired: refresh it before it does, or get a new one.",
                _ => "The token is not valid.",
            }));
        }

        if (!grant.Covers(conversationId))
        {
            return (null, DirectLineErrors.Forbidden(TokenProblem.TokenInvalid, "The token is not valid for this conversation."));
        }

        var found = await store.FindAsync(conversationId, cancellationToken).ConfigureAwait(false);
        return found is null ? (null, DirectLineErrors.NotFound()) : (found, null);
    }

    private static readonly string[] AcceptedTypes = [ActivityTypes.Message, "event", "typing", ActivityTypes.Invoke, "messageReaction"];

    private static TokenResponse IssueForNewConversation(DirectLineTokens tokens, string? userId)
    {
        var conversationId = InMemoryDirectLineConversationStore.NewConversationId();
        return new(conversationId, tokens.Issue(conversationId, userId ?? InMemoryDirectLineConversationStore.NewUserId()), (int)tokens.Lifetime.TotalSeconds);
    }

    private static Conversation ConversationFor(HttpRequest request, DirectLineTokens tokens, IDirectLineConversation conversation, long? watermark)
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

    /// <summary>
    /// The optional <c>{"user":{"id"}}</c> body of tokens/generate and conversation start, read through the same edge
    /// as activities: a body that is not valid JSON text is refused, an unusable id is ignored.
    /// </summary>
    private static async Task<(string? Id, IResult? Refusal)> ReadUserIdAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || !request.HasJsonContentType())
        {
            return default;
        }

        var body = await JsonEdge.ReadAsync(request, 4096, cancellationToken).ConfigureAwait(false);
        if (!body.IsValid)
        {
            return (null, DirectLineErrors.Refused(body));
        }

        try
        {
            var id = JsonSerializer.Deserialize<TokenRequest>(body.Bytes!, ProtocolJson.Options)?.User?.Id;
            return (string.IsNullOrWhiteSpace(id) || id.Length > 128 ? null : id, null);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
