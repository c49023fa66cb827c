using CcsviBot.Core.Answering;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CcsviBot.Tests.DirectLine;

/// <summary>
/// The whole bot, real turn pipeline and engine included, on a loopback Kestrel port, for clients that cannot use an
/// in-memory TestServer: a Node process and a browser.
/// </summary>
public sealed class LiveBotHost : WebApplicationFactory<Program>
{
    private readonly Lazy<Uri> _baseAddress;

    public LiveBotHost()
    {
        // Kestrel without a port here, the port (0: any free one) as the app's own "urls" setting: with UseKestrel(port)
        // the factory cleared the addresses after the app had started Kestrel on its own thread, which threw when Kestrel
        // bound first ("Addresses cannot be modified after the server has started", dotnet/aspnetcore#67714).
        UseKestrel();
        _baseAddress = new(() =>
        {
            StartServer();
            WaitForKnowledgeBase();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::1]", "localhost", StringComparison.Ordinal).Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/");
        });
    }

    /// <summary>http://localhost:PORT/ of the started bot.</summary>
    public Uri BaseAddress => _baseAddress.Value;

    /// <summary>The live bot's knowledge base, once it has started and loaded it.</summary>
    public KnowledgeBase KnowledgeBase
    {
        get
        {
            _ = BaseAddress;
            return Services.GetRequiredService<IKnowledgeBaseProvider>().Current;
        }
    }

    /// <summary>The FAQ loads in the background after start-up; a visitor arriving before it gets no answers yet.</summary>
    private void WaitForKnowledgeBase()
    {
        var provider = Services.GetRequiredService<IKnowledgeBaseProvider>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                _ = provider.Current;
                return;
            }
            catch (InvalidOperationException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        // Several clients from one address in quick succession must not trip the per-address token limit.
        builder.UseSetting("DirectLine:TokensPerMinute", "1000");
        builder.UseSetting("Meaning:Enabled", "false");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection([new(TestInsightsDatabase.SettingKey, TestInsightsDatabase.NewConnectionString())]));
    }
}
