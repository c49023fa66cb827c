namespace CcsviBot;

// SCAFFOLD: replaced by the feature that owns this folder.
public static class BotConnectorExtensions
{
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapBotMessages(this WebApplication app) => app;
}
