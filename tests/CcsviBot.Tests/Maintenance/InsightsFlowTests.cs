using System.Net;
using CcsviBot.Protocol;
using CcsviBot.Turns;

namespace CcsviBot.Tests.Maintenance;

/// <summary>From a visitor's unanswered question to a suggested alternate in the maintainers' report, through the real bot.</summary>
public sealed class InsightsFlowTests
{
    [Fact]
    public async Task An_unanswered_question_rephrased_into_an_answer_becomes_a_suggested_alternate_with_its_reason()
    {
        await using var host = await MaintenanceHost.StartAsync();
        var conversation = await ConversationAsync(host, TestChannel.Message("qwertyuiop zxcvbnm ccsvi"), TestChannel.Message("What is CCSVI?"));
        var (html, suggestions) = await ReportAsync(host, turns: 2);
        Assert.StartsWith("Suggested alternates (1)", suggestions, StringComparison.Ordinal);
        Assert.Contains("<code>what-is-ccsvi</code>", suggestions, StringComparison.Ordinal);
        Assert.Contains("qwertyuiop zxcvbnm ccsvi", suggestions, StringComparison.Ordinal);
        Assert.Contains("next message", suggestions, StringComparison.Ordinal);
        Assert.DoesNotContain(conversation, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Small_talk_and_an_unrelated_question_after_a_clarification_suggest_nothing_and_a_picked_choice_does()
    {
        await using var host = await MaintenanceHost.StartAsync();
        // The conversation from issue #17: a vague question is clarified ("ms" was, until it was answered with "What is
        // MS?"), then small talk and an unrelated answered question.
        var unrelated = await ConversationAsync(host, TestChannel.Message("ms and veins"), TestChannel.Message("hello"), TestChannel.Message("thanks"), TestChannel.Message("who made you"));
        var pick = TestChannel.Message(string.Empty);
        pick.Value = ActionValues.PickEntry("what-is-ms");
        await ConversationAsync(host, TestChannel.Message("ms and veins"), pick);
        var (html, suggestions) = await ReportAsync(host, turns: 6);
        Assert.StartsWith("Suggested alternates (1)", suggestions, StringComparison.Ordinal);
        Assert.Contains("<code>what-is-ms</code>", suggestions, StringComparison.Ordinal);
        Assert.Contains("picked this entry from its choices", suggestions, StringComparison.Ordinal);
        Assert.DoesNotContain("about-this-service", suggestions, StringComparison.Ordinal);
        Assert.DoesNotContain(unrelated, html, StringComparison.Ordinal);
    }

    /// <summary>The report page once <paramref name="turns"/> turns are recorded, and its "Suggested alternates" section.</summary>
    private static async Task<(string Html, string Suggestions)> ReportAsync(MaintenanceHost host, int turns)
    {
        await MaintenanceHost.WaitUntilAsync(async () => (await host.StatusAsync()).GetProperty("insights").GetProperty("recorded").GetInt64() >= turns, "turns were not recorded");
        var html = await host.Admin.GetStringAsync("/admin/report");
        return (html, html[html.IndexOf("Suggested alternates (", StringComparison.Ordinal)..html.IndexOf("Least helpful answers", StringComparison.Ordinal)]);
    }

    /// <summary>Sends the messages one after another in one conversation; returns its id.</summary>
    private static async Task<string> ConversationAsync(MaintenanceHost host, params Activity[] messages)
    {
        foreach (var message in messages)
        {
            message.Conversation = messages[0].Conversation;
            using var response = await host.Host.PostActivityAsync(message);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await host.Channel.ReplyToAsync(message.Id!);
        }

        return messages[0].Conversation!.Id!;
    }
}
