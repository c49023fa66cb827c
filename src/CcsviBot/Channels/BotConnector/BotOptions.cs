using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.BotConnector;

/// <summary>How the bot's identity is held in Azure (same names and meanings as the Bot Framework SDK's MicrosoftAppType).</summary>
public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}

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

/// <summary>Start-up checks with messages that say what to set where.</summary>
public sealed class BotOptionsValidator(IConfiguration configuration) : IValidateOptions<BotOptions>
{
    private const string PasswordKey = $"{BotOptions.SectionName}:{nameof(BotOptions.MicrosoftAppPassword)}";

    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (PasswordFromSettingsFile() is { } file)
        {
            failures.Add($"{PasswordKey} is set in {file}. Remove it and set it as the environment variable Bot__MicrosoftAppPassword or a user secret.");
        }

        if (!IsHttpsUrl(options.OpenIdMetadataUrl))
        {
            failures.Add("Bot:OpenIdMetadataUrl must be an absolute https URL.");
        }

        if (options.SigningKeysRefreshInterval < TimeSpan.FromMinutes(5) || options.SigningKeysRefreshInterval > TimeSpan.FromHours(24))
        {
            failures.Add("Bot:SigningKeysRefreshInterval must be between 5 minutes and 24 hours (the protocol asks for at least a daily refresh).");
        }

        if (options.ConnectorTimeout <= TimeSpan.Zero || options.ConnectorRetryDelay < TimeSpan.Zero || options.ConnectorMaxRetryDelay < options.ConnectorRetryDelay)
        {
            failures.Add("Bot:ConnectorTimeout must be positive and Bot:ConnectorMaxRetryDelay at least Bot:ConnectorRetryDelay.");
        }

        if (options.ConnectorMaxAttempts is < 1 or > 10 || options.ConnectorConcurrency is < 1 or > 64)
        {
            failures.Add("Bot:ConnectorMaxAttempts must be 1–10 and Bot:ConnectorConcurrency 1–64.");
        }

        if (!options.IsAnonymous)
        {
            ValidateIdentity(options, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateIdentity(BotOptions options, List<string> failures)
    {
        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            failures.Add("Bot:MicrosoftAppId must be the Azure Bot's application (client) id, a GUID.");
        }

        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);
        var hasPassword = !string.IsNullOrEmpty(options.MicrosoftAppPassword);
        switch (options.MicrosoftAppType)
        {
            case BotAppType.SingleTenant when !hasTenant || !hasPassword:
                failures.Add("A SingleTenant bot needs Bot:MicrosoftAppTenantId (in appsettings.json) and Bot:MicrosoftAppPassword (environment or user secrets).");
                break;
            case BotAppType.UserAssignedMSI when !hasTenant || hasPassword:
                failures.Add("A UserAssignedMSI bot needs Bot:MicrosoftAppTenantId and no Bot:MicrosoftAppPassword (the managed identity has none).");
                break;
            case BotAppType.MultiTenant when !hasPassword:
                failures.Add("A MultiTenant bot needs Bot:MicrosoftAppPassword (environment or user secrets).");
                break;
        }

        if (hasTenant && !IsHttpsUrl(string.Format(System.Globalization.CultureInfo.InvariantCulture, options.EntraOpenIdMetadataUrlFormat, options.MicrosoftAppTenantId)))
        {
            failures.Add("Bot:EntraOpenIdMetadataUrlFormat must give an absolute https URL with {0} for the tenant id.");
        }
    }

    /// <summary>The settings file that holds a password, if any: secrets must not live in files that get committed.</summary>
    private string? PasswordFromSettingsFile()
    {
        if (configuration is not IConfigurationRoot root)
        {
            return null;
        }

        return root.Providers.OfType<JsonConfigurationProvider>()
            .Where(provider => provider.TryGet(PasswordKey, out var value) && !string.IsNullOrEmpty(value))
            .Select(provider => provider.Source.Path)
            .FirstOrDefault(path => path is not null && !path.Contains("secrets", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsHttpsUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
