using System.Net;
using CcsviBot.Turns;

namespace CcsviBot.Tests.Maintenance;

/// <summary>From a visitor's clarification to a suggested alternate in the maintainers' report, through the real bot.</summary>
public sealed class InsightsFlowTests
{
    [Fact]
    public async Task A_clarified_question_then_a_chosen_entry_becomes_a_suggested_alternate_with_its_reason()
    {
        await using var host = await MaintenanceHost.StartAsync();
        var vague = TestChannel.Message("neck veins");
        using (var response = await host.Host.PostActivityAsync(vague))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var clarify = (await host.Channel.ReplyToAsync(vague.Id!)).Activity;
        var candidate = clarify.SuggestedActions!.Actions.Select(a => a.Value?["entryId"]?.GetValue<string>()).First(id => id is not null)!;

        var pick = TestChannel.Message("");
        pick.Text = null;
        pick.Conversation = vague.Conversation;
        pick.Value = ActionValues.PickEntry(candidate);
        using (var response = await host.Host.PostActivityAsync(pick))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await host.Channel.ReplyToAsync(pick.Id!);
        await MaintenanceHost.WaitUntilAsync(async () => (await host.StatusAsync()).GetProperty("insights").GetProperty("recorded").GetInt64() >= 2, "turns were not recorded");

        var html = await host.Admin.GetStringAsync("/admin/report");
        var suggestions = html[html.IndexOf("Suggested alternates (1)", StringComparison.Ordinal)..];
        Assert.Contains($"<code>{candidate}</code>", suggestions, StringComparison.Ordinal);
        Assert.Contains("neck veins", suggestions, StringComparison.Ordinal);
        Assert.Contains("asked to clarify", suggestions, StringComparison.Ordinal);
        Assert.DoesNotContain(vague.Conversation!.Id!, html, StringComparison.Ordinal);
    }
}
