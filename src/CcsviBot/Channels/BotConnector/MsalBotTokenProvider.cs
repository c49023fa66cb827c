using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace CcsviBot.Channels.BotConnector;

/// <summary>
/// App tokens from Microsoft Entra through MSAL, which caches them and renews them before they expire: client
/// credentials against the tenant (SingleTenant) or the Bot Framework tenant (MultiTenant), or the user-assigned
/// managed identity (UserAssignedMSI).
/// </summary>
public sealed class MsalBotTokenProvider : IBotTokenProvider
{
    public const string LoginClientName = "BotFrameworkLogin";

    private readonly Func<CancellationToken, Task<string>>? acquire;

    public MsalBotTokenProvider(IOptions<BotOptions> options, IHttpClientFactory httpClients)
    {
        var bot = options.Value;
        if (bot.IsAnonymous)
        {
            return;
        }

        var msalHttp = new MsalHttpClients(httpClients);
        if (bot.MicrosoftAppType == BotAppType.UserAssignedMSI)
        {
            var identity = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(bot.MicrosoftAppId))
                .WithHttpClientFactory(msalHttp)
                .Build();
            acquire = async cancellationToken =>
                (await identity.AcquireTokenForManagedIdentity(BotOptions.BotFrameworkResource).ExecuteAsync(cancellationToken)).AccessToken;
        }
        else
        {
            var application = ConfidentialClientApplicationBuilder.Create(bot.MicrosoftAppId)
                .WithClientSecret(bot.MicrosoftAppPassword)
                .WithAuthority(bot.Authority)
                .WithHttpClientFactory(msalHttp)
                .Build();
            acquire = async cancellationToken =>
                (await application.AcquireTokenForClient([BotOptions.BotFrameworkScope]).ExecuteAsync(cancellationToken)).AccessToken;
        }
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken) =>
        acquire is null ? null : await acquire(cancellationToken);

    private sealed class MsalHttpClients(IHttpClientFactory httpClients) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => httpClients.CreateClient(LoginClientName);
    }
}
