using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CcsviBot.Tests.Scaling;

public sealed class RedisStartupTests
{
    [Fact]
    public async Task With_Redis_configured_start_up_refuses_without_a_shared_token_signing_key()
    {
        var refusal = await StartupRefusal.OfAsync(
            (services, configuration) => services.AddAnswering(configuration).AddDirectLine(configuration).AddMaintenance(configuration).AddScaling(configuration),
            new Dictionary<string, string?> { ["Redis:ConnectionString"] = "127.0.0.1:1" });

        Assert.Contains("DirectLine:TokenSigningKey must be set", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Redis:ConnectionString", refusal.Message, StringComparison.Ordinal);
    }
}
