using CcsviBot.Protocol;

namespace CcsviBot.Channels.DirectLine;

/// <summary>Error answers in Azure Direct Line's shape: <c>{"error":{"code","message"}}</c>.</summary>
internal static class DirectLineErrors
{
    public static IResult Error(int status, string code, string message) =>
        TypedResults.Json(new ErrorBody(new ErrorDetail(code, message)), statusCode: status);

    /// <summary>403, which DirectLineJS reads as "expired token": it stops and the page fetches a new one.</summary>
    public static IResult Forbidden(TokenProblem problem, string message) =>
        Error(StatusCodes.Status403Forbidden, problem == TokenProblem.None ? nameof(TokenProblem.TokenInvalid) : problem.ToString(), message);

    public static IResult BadArgument(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult BadWatermark() => BadArgument("The watermark is not one this server gave out.");

    public static IResult NotFound() =>
        Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found: it never started, or it expired.");

    public static IResult TooLarge(string message) => Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", message);

    /// <summary>A body refused at the edge (<see cref="JsonEdge"/>): 413 when too large, else 400.</summary>
    public static IResult Refused(EdgeBody body) =>
        body.Problem == BodyProblem.TooLarge ? TooLarge(body.Message!) : BadArgument(body.Message!);

    /// <summary>429 with Retry-After set to <paramref name="wait"/>.</summary>
    public static IResult TooManyRequests(HttpContext context, TimeSpan wait, string what)
    {
        RetryAfter.Set(context, wait);
        return Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", $"{what}: please wait {RetryAfter.Seconds(wait)} seconds.");
    }

    /// <summary>503 with Retry-After: the server has no room now (conversations or bytes), and says when to try again.</summary>
    public static IResult Full(HttpContext context, TimeSpan wait, string message)
    {
        RetryAfter.Set(context, wait);
        return Error(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", message);
    }

    private sealed record ErrorBody(ErrorDetail Error);

    private sealed record ErrorDetail(string Code, string Message);
}
