using System.Net;
using System.Text;
using System.Text.Json;
using CcsviBot.Channels.BotConnector;
using CcsviBot.Core.Answering;
using CcsviBot.Maintenance;
using CcsviBot.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CcsviBot.Tests;

/// <summary>How a test bot is set up.</summary>
public sealed record BotTestHostOptions
{
    /// <summary>False: no app id (local development mode, loopback only, no tokens).</summary>
    public bool Authenticated { get; init; } = true;
    public string AppType { get; init; } = nameof(BotAppType.SingleTenant);
    /// <summary>The client address the test server reports; loopback unless a test says otherwise.</summary>
    public IPAddress RemoteAddress { get; init; } = IPAddress.Loopback;
    /// <summary>The knowledge base the bot answers from; null keeps the host's own loading (the repository's faq/).</summary>
    public KnowledgeBase? KnowledgeBase { get; init; } = TestKnowledgeBase.Create();
    public Action<IServiceCollection>? ConfigureServices { get; init; }
    /// <summary>Extra configuration, applied last.</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];
}

/// <summary>
/// The bot under test, wired to a <see cref="TestChannel"/>: the channel's metadata URL and app id, its handler behind
/// the bot's metadata, login and connector HTTP clients, and short retry delays.
/// </summary>
public sealed class BotTestHost(TestChannel channel, BotTestHostOptions? options = null) : WebApplicationFactory<Program>
{
    private readonly BotTestHostOptions options = options ?? new BotTestHostOptions();

    public TestChannel Channel { get; } = channel;

    /// <summary>Posts an activity to /api/messages, with a token from the channel unless <paramref name="token"/> says otherwise ("" = none).</summary>
    public Task<HttpResponseMessage> PostActivityAsync(Activity activity, string? token = null) =>
        PostJsonAsync(JsonSerializer.Serialize(activity, ProtocolJson.Options), token);

    public async Task<HttpResponseMessage> PostJsonAsync(string json, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BotMessagesEndpoint.Path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        token ??= options.Authenticated ? Channel.CreateToken() : string.Empty;
        if (token.Length > 0)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return await CreateClient().SendAsync(request);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppType"] = options.AppType,
            ["Bot:MicrosoftAppId"] = options.Authenticated ? TestChannel.AppId : string.Empty,
            ["Bot:MicrosoftAppTenantId"] = TestChannel.TenantId,
            ["Bot:MicrosoftAppPassword"] = options.Authenticated && options.AppType != nameof(BotAppType.UserAssignedMSI) ? "test-secret" : string.Empty,
            ["Bot:OpenIdMetadataUrl"] = TestChannel.MetadataUrl,
            ["Bot:EntraOpenIdMetadataUrlFormat"] = TestChannel.EntraMetadataUrlFormat,
            ["Bot:ConnectorRetryDelay"] = "00:00:00.010",
            ["Bot:ConnectorMaxRetryDelay"] = "00:00:00.050",
            [TestInsightsDatabase.SettingKey] = TestInsightsDatabase.NewConnectionString(),
            // The channel tests do not need the meaning model (400 MiB per host); MeaningHostTests and the published app run it.
            ["Meaning:Enabled"] = "false",
        };
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings).AddInMemoryCollection(options.Settings));
        foreach (var (key, value) in options.Settings.Where(setting => setting.Key.StartsWith("Redis:", StringComparison.Ordinal)))
        {
            // Read while Program registers its services, before the factory applies ConfigureAppConfiguration.
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            foreach (var client in new[] { BotFrameworkAuthenticator.MetadataClientName, MsalBotTokenProvider.LoginClientName, BotConnectorClient.HttpClientName })
            {
                services.AddHttpClient(client).ConfigurePrimaryHttpMessageHandler(() => Channel.Handler);
            }

            if (options.KnowledgeBase is { } knowledgeBase)
            {
                services.RemoveAll<IKnowledgeBaseProvider>();
                services.AddSingleton<IKnowledgeBaseProvider>(new FixedKnowledgeBaseProvider(knowledgeBase));
                var loader = services.Single(service => service.ImplementationType == typeof(KnowledgeBaseLoader));
                services.Remove(loader);
            }

            services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(options.RemoteAddress));
            options.ConfigureServices?.Invoke(services);
        });
    }

    /// <summary>The test server reports no client address of its own; this one decides whether a request looks local.</summary>
    private sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
