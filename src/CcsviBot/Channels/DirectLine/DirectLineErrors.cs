namespace CcsviBot.Channels.DirectLine;

/// <summary>Error answers in Azure Direct Line's shape: <c>{"error":{"code","message"}}</c>.</summary>
internal static class DirectLineErrors
{
    public static IResult Error(int status, string code, string message) =>
        Results.Json(new ErrorBody(new ErrorDetail(code, message)), statusCode: status);

    /// <summary>403, which DirectLineJS reads as "expired token": it stops and the page fetches a new one.</summary>
    public static IResult Forbidden(TokenProblem problem, string message) =>
        Error(StatusCodes.Status403Forbidden, problem == TokenProblem.None ? nameof(TokenProblem.TokenInvalid) : problem.ToString(), message);

    public static IResult BadArgument(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult BadWatermark() => BadArgument("The watermark is not one this server gave out.");

    public static IResult TooLarge(int limit) =>
        Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An activity may be at most {limit:N0} bytes of JSON.");

    private sealed record ErrorBody(ErrorDetail Error);

    private sealed record ErrorDetail(string Code, string Message);
}
