using Microsoft.Extensions.Options;

namespace CcsviBot.Tests.Teams;

public sealed class TeamsOptionsTests
{
    [Fact]
    public void A_staff_tenant_that_is_not_a_tenant_id_stops_start_up_with_a_message_naming_it()
    {
        using var channel = new TestChannel();
        using var host = new BotTestHost(channel, new BotTestHostOptions { Settings = new() { ["Teams:StaffTenants:0"] = "contoso.onmicrosoft.com" } });

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Teams:StaffTenants contains \"contoso.onmicrosoft.com\"", error.Message, StringComparison.Ordinal);
    }
}
