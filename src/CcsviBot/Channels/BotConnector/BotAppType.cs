using Microsoft.Extensions.Configuration.Json;

namespace CcsviBot.Channels.BotConnector;

/// <summary>How the bot's identity is held in Azure (same names and meanings as the Bot Framework SDK's MicrosoftAppType).</summary>
public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}
