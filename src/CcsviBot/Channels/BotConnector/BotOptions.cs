using Microsoft.Extensions.Configuration.Json;

namespace CcsviBot.Channels.BotConnector;

/// <summary>The Azure Bot registration (section <c>Bot</c>). No app id means local development: loopback only, no tokens.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string BotFrameworkScope = "https://api.botframework.com/.default";
    public const string BotFrameworkResource = "https://api.botframework.com";

    public BotAppType MicrosoftAppType { get; set; } = BotAppType.SingleTenant;
    public string? MicrosoftAppId { get; set; }
    /// <summary>Client secret: from environment variables or user secrets only, never from appsettings.json.</summary>
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata of the Bot Framework channels; the issuer does not lead to it, so it is configured.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata for tokens issued by the bot's own Entra tenant ({0} = tenant id); single-tenant and MSI bots only.</summary>
    public string EntraOpenIdMetadataUrlFormat { get; set; } = "https://login.microsoftonline.com/{0}/v2.0/.well-known/openid-configuration";

    /// <summary>Authority host for outbound app tokens.</summary>
    public string LoginAuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>How often signing keys are re-read even when nothing fails; the protocol asks for at least daily.</summary>
    public TimeSpan SigningKeysRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Per-attempt timeout of a call to the Bot Connector.</summary>
    public TimeSpan ConnectorTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Attempts per reply, counting the first, when the connector answers 429/5xx or does not answer.</summary>
    public int ConnectorMaxAttempts { get; set; } = 4;

    /// <summary>First back-off delay; doubled on each retry unless the connector sends Retry-After.</summary>
    public TimeSpan ConnectorRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound for any single wait, including a connector's Retry-After.</summary>
    public TimeSpan ConnectorMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Replies sent at the same time (one turn's replies always go in order).</summary>
    public int ConnectorConcurrency { get; set; } = 4;

    /// <summary>
    /// Without an app id, whether <c>/api/messages</c> serves local tools (the Emulator) at all: loopback only, JSON only,
    /// no web pages, replies to loopback only. Unset: on in Development, off elsewhere.
    /// </summary>
    public bool? AllowAnonymous { get; set; }

    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>Issuers accepted on inbound tokens: the Bot Framework's, plus the tenant's Entra v1/v2 issuers where the app lives in a tenant.</summary>
    public IReadOnlyList<string> EntraIssuers =>
        MicrosoftAppType is BotAppType.SingleTenant or BotAppType.UserAssignedMSI && !string.IsNullOrWhiteSpace(MicrosoftAppTenantId)
            ? [$"https://sts.windows.net/{MicrosoftAppTenantId}/", $"https://login.microsoftonline.com/{MicrosoftAppTenantId}/v2.0"]
            : [];

    /// <summary>The token authority: the tenant for single-tenant apps, the Bot Framework's tenant for multi-tenant ones.</summary>
    public string Authority => $"{LoginAuthorityHost.TrimEnd('/')}/{(MicrosoftAppType == BotAppType.MultiTenant ? "botframework.com" : MicrosoftAppTenantId)}";
}
