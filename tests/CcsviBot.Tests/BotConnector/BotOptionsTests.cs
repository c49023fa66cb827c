using CcsviBot.Channels.BotConnector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CcsviBot.Tests.BotConnector;

public sealed class BotOptionsTests
{
    private static readonly IConfiguration NoFiles = new ConfigurationBuilder().Build();

    [Fact]
    public void No_app_id_is_valid_local_development()
    {
        var result = new BotOptionsValidator(NoFiles).Validate(null, new BotOptions());

        Assert.True(result.Succeeded);
        Assert.True(new BotOptions().IsAnonymous);
    }

    public static TheoryData<string, BotOptions, string> InvalidOptions => new()
    {
        { "single tenant without tenant", new BotOptions { MicrosoftAppId = TestChannel.AppId, MicrosoftAppPassword = "s" }, "SingleTenant bot needs Bot:MicrosoftAppTenantId" },
        { "single tenant without password", new BotOptions { MicrosoftAppId = TestChannel.AppId, MicrosoftAppTenantId = TestChannel.TenantId }, "SingleTenant bot needs" },
        { "managed identity with a password", new BotOptions { MicrosoftAppType = BotAppType.UserAssignedMSI, MicrosoftAppId = TestChannel.AppId, MicrosoftAppTenantId = TestChannel.TenantId, MicrosoftAppPassword = "s" }, "UserAssignedMSI bot needs" },
        { "multi tenant without password", new BotOptions { MicrosoftAppType = BotAppType.MultiTenant, MicrosoftAppId = TestChannel.AppId }, "MultiTenant bot needs" },
        { "app id not a GUID", new BotOptions { MicrosoftAppType = BotAppType.MultiTenant, MicrosoftAppId = "my-bot", MicrosoftAppPassword = "s" }, "GUID" },
        { "keys refreshed less than daily", new BotOptions { SigningKeysRefreshInterval = TimeSpan.FromHours(48) }, "and 24 hours" },
        { "keys refreshed more often than the key manager allows", new BotOptions { SigningKeysRefreshInterval = TimeSpan.FromMinutes(1) }, "between 5 minutes" },
        { "metadata over http", new BotOptions { OpenIdMetadataUrl = "http://login.botframework.com/v1/.well-known/openidconfiguration" }, "https" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_settings_fail_with_a_message_that_says_what_to_set(string because, BotOptions options, string message)
    {
        var result = new BotOptionsValidator(NoFiles).Validate(null, options);

        Assert.True(result.Failed, because);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_in_a_settings_file_is_refused()
    {
        var file = Path.Combine(Path.GetTempPath(), $"appsettings-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"Bot":{"MicrosoftAppPassword":"leaked"}}""");
        try
        {
            var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();

            var result = new BotOptionsValidator(configuration).Validate(null, new BotOptions());

            Assert.True(result.Failed);
            Assert.Contains("Bot__MicrosoftAppPassword", result.FailureMessage, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_host_refuses_to_start_with_invalid_bot_settings()
    {
        var failure = await StartupRefusal.OfAsync(
            (services, configuration) => services.AddBotConnector(configuration),
            new()
            {
                ["Bot:MicrosoftAppId"] = TestChannel.AppId,
                ["Bot:MicrosoftAppPassword"] = "test-secret",
                ["Bot:MicrosoftAppTenantId"] = string.Empty,
            });

        Assert.Contains("MicrosoftAppTenantId", failure.Message, StringComparison.Ordinal);
    }
}
