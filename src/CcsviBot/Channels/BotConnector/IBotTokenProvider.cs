using Microsoft.Identity.Client.AppConfig;

namespace CcsviBot.Channels.BotConnector;

/// <summary>The bearer token the bot presents to the Bot Connector; null when the bot has no app id (local development).</summary>
public interface IBotTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
