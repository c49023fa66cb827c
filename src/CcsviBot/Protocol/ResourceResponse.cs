namespace CcsviBot.Protocol;

/// <summary>The answer to a Bot Connector send/reply call.</summary>
public sealed record ResourceResponse(string? Id);
