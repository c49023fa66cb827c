using System.Net;

namespace CcsviBot.Tests.Maintenance;

/// <summary>From a visitor's unanswered question to a suggested alternate in the maintainers' report, through the real bot.</summary>
public sealed class InsightsFlowTests
{
    [Fact]
    public async Task An_unanswered_question_rephrased_into_an_answer_becomes_a_suggested_alternate_with_its_reason()
    {
        await using var host = await MaintenanceHost.StartAsync();
        var unanswered = TestChannel.Message("qwertyuiop zxcvbnm");
        var rephrased = TestChannel.Message("What is CCSVI?");
        rephrased.Conversation = unanswered.Conversation;
        foreach (var message in new[] { unanswered, rephrased })
        {
            using var response = await host.Host.PostActivityAsync(message);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await host.Channel.ReplyToAsync(message.Id!);
        }

        await MaintenanceHost.WaitUntilAsync(async () => (await host.StatusAsync()).GetProperty("insights").GetProperty("recorded").GetInt64() >= 2, "turns were not recorded");

        var html = await host.Admin.GetStringAsync("/admin/report");
        var suggestions = html[html.IndexOf("Suggested alternates (1)", StringComparison.Ordinal)..html.IndexOf("Least helpful answers", StringComparison.Ordinal)];
        Assert.Contains("<code>what-is-ccsvi</code>", suggestions, StringComparison.Ordinal);
        Assert.Contains("qwertyuiop zxcvbnm", suggestions, StringComparison.Ordinal);
        Assert.Contains("rephrased as", suggestions, StringComparison.Ordinal);
        Assert.DoesNotContain(unanswered.Conversation!.Id!, html, StringComparison.Ordinal);
    }
}
