using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.BotConnector;

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
