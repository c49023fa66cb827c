namespace CcsviBot.Tests.Teams;

public sealed class TeamsOptionsTests
{
    [Fact]
    public async Task A_staff_tenant_that_is_not_a_tenant_id_stops_start_up_with_a_message_naming_it()
    {
        var error = await StartupRefusal.OfAsync(
            (services, configuration) => services.AddTeams(configuration),
            new() { ["Teams:StaffTenants:0"] = "contoso.onmicrosoft.com" });

        Assert.Contains("Teams:StaffTenants contains \"contoso.onmicrosoft.com\"", error.Message, StringComparison.Ordinal);
    }
}
