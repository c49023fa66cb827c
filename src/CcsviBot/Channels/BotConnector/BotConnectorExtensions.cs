using CcsviBot.Channels.BotConnector;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CcsviBot;

public static partial class BotConnectorExtensions
{
    /// <summary>Bot Framework channel authentication, the Bot Connector client and its reply queue.</summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName))
            .PostConfigure<IHostEnvironment>((bot, environment) => bot.AllowAnonymous ??= environment.IsDevelopment())
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();

        services.AddHttpClient(BotFrameworkAuthenticator.MetadataClientName);
        services.AddHttpClient(MsalBotTokenProvider.LoginClientName);
        services.AddHttpClient(BotConnectorClient.HttpClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<BotOptions>>().Value.ConnectorTimeout);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BotFrameworkAuthenticator>();
        services.AddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        services.AddSingleton<BotConnectorClient>();
        services.AddSingleton<BotConnectorOutbox>();
        services.AddHostedService<BotConnectorSender>();
        return services;
    }

    /// <summary><c>POST /api/messages</c>; other methods get 405 from routing.</summary>
    public static WebApplication MapBotMessages(this WebApplication app)
    {
        app.MapPost(BotMessagesEndpoint.Path, BotMessagesEndpoint.HandleAsync);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var bot = app.Services.GetRequiredService<IOptions<BotOptions>>().Value;
            if (bot.IsAnonymous && bot.AllowAnonymous == true)
            {
                LogAnonymous(app.Logger);
            }
            else if (bot.IsAnonymous)
            {
                LogClosed(app.Logger);
            }
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Bot:MicrosoftAppId configured: /api/messages accepts unauthenticated JSON requests from local tools on this machine (loopback, not from web pages, not through a proxy) and replies to loopback service URLs only. Set the app id to serve Azure Bot Service channels.")]
    private static partial void LogAnonymous(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "No Bot:MicrosoftAppId configured and Bot:AllowAnonymous is off: /api/messages refuses every request.")]
    private static partial void LogClosed(ILogger logger);
}
