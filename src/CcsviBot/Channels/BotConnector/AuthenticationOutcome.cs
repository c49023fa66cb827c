using Microsoft.IdentityModel.JsonWebTokens;

namespace CcsviBot.Channels.BotConnector;

/// <summary>Why a request was refused, for the log and the 401 body; null when it was accepted.</summary>
public sealed record AuthenticationOutcome(string? Failure)
{
    public static AuthenticationOutcome Success { get; } = new((string?)null);

    public bool Succeeded => Failure is null;
}
