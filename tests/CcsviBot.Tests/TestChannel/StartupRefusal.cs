using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CcsviBot.Tests;

/// <summary>
/// Starts a bare host with one channel's registrations and returns the validation error that stops it.
/// WebApplicationFactory cannot observe a refused start reliably: the app's own Run disposes the host when start-up fails,
/// and if that happens before the factory looks at the host, the validation error is replaced by ObjectDisposedException.
/// </summary>
internal static class StartupRefusal
{
    public static async Task<OptionsValidationException> OfAsync(Action<IServiceCollection, IConfiguration> register, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        register(builder.Services, builder.Configuration);
        await using var app = builder.Build();

        return await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
    }
}
