using System.Text.Json.Nodes;
using CcsviBot.Core.Answering;
using CcsviBot.Insights;
using CcsviBot.Protocol;
using CcsviBot.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CcsviBot.Tests.Turns;

public sealed class TurnHandlerTests
{
    private readonly RecordingInsights insights = new();
    private readonly TurnHandler turns;

    public TurnHandlerTests()
    {
        turns = new TurnHandler(
            new FixedKnowledgeBaseProvider(TestKnowledgeBase.Create()),
            [],
            new ReplyRendererSelector([], new MarkdownActivityRenderer()),
            insights,
            TimeProvider.System,
            NullLogger<TurnHandler>.Instance);
    }

    [Fact]
    public async Task An_answer_carries_the_passage_its_source_links_and_disclaimer()
    {
        var reply = await ReplyToAsync(TestChannel.Message("what is ccsvi"));

        Assert.Equal("markdown", reply.TextFormat);
        Assert.Contains(TestKnowledgeBase.WhatIsCcsvi.Answer, reply.Text);
        Assert.Contains($"]({TestKnowledgeBase.WhatIsCcsvi.Sources[0].Url})", reply.Text);
        Assert.Contains(TestKnowledgeBase.Disclaimer, reply.Text);
        // Sources are shown once, in the text: no citation entity or reference list for Web Chat to repeat them.
        Assert.Null(reply.Entities);
        Assert.DoesNotContain("[1]:", reply.Text);
    }

    [Fact]
    public async Task A_reply_is_addressed_back_to_the_sender_without_id_or_timestamp()
    {
        var message = TestChannel.Message("what is ccsvi", channelId: "directline");

        var reply = await ReplyToAsync(message);

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal(message.Recipient!.Id, reply.From!.Id);
        Assert.Equal("bot", reply.From.Role);
        Assert.Equal(message.From!.Id, reply.Recipient!.Id);
        Assert.Equal(message.Conversation!.Id, reply.Conversation!.Id);
        Assert.Equal(message.Id, reply.ReplyToId);
        Assert.Equal(message.ServiceUrl, reply.ServiceUrl);
        Assert.Equal("directline", reply.ChannelId);
        Assert.Equal("en-US", reply.Locale);
        Assert.Null(reply.Id);
        Assert.Null(reply.Timestamp);
    }

    [Fact]
    public async Task An_answer_offers_related_questions_as_imBack_then_feedback_buttons()
    {
        var reply = await ReplyToAsync(TestChannel.Message("what is ccsvi"));

        var actions = reply.SuggestedActions!.Actions;
        Assert.Equal(
            [("imBack", TestKnowledgeBase.VenoplastyEvidence.Question), ("imBack", TestKnowledgeBase.CcsviAndMs.Question), ("messageBack", "Helpful"), ("messageBack", "Not helpful")],
            actions.Select(action => (action.Type, action.Title!)));
        Assert.Equal(ActionValues.Helpful, (string?)actions[2].Value!["feedback"]);
        Assert.Equal(TestKnowledgeBase.WhatIsCcsvi.Id, (string?)actions[2].Value!["entryId"]);
        Assert.Equal(ActionValues.NotHelpful, (string?)actions[3].Value!["feedback"]);
    }

    [Fact]
    public async Task Feedback_is_recorded_and_acknowledged_with_the_disclaimer()
    {
        var click = TestChannel.Message(string.Empty);
        click.Value = ActionValues.Feedback(FeedbackKind.NotHelpful, TestKnowledgeBase.WhatIsCcsvi.Id);

        var reply = await ReplyToAsync(click);

        var feedback = Assert.Single(insights.Feedback);
        Assert.Equal((TestKnowledgeBase.WhatIsCcsvi.Id, FeedbackKind.NotHelpful, "webchat"), (feedback.EntryId, feedback.Kind, feedback.Channel));
        Assert.Contains(TurnHandler.FeedbackThanks, reply.Text);
        Assert.Contains(TestKnowledgeBase.Disclaimer, reply.Text);
        Assert.Empty(insights.Turns);
    }

    [Theory]
    [InlineData("no-such-entry")]
    [InlineData("what-is-ccsvi\n# Call us now\n[Log in](https://phish.example)")]
    public async Task Feedback_for_an_entry_the_faq_does_not_have_is_not_recorded(string entryId)
    {
        var click = TestChannel.Message(string.Empty);
        click.Value = ActionValues.Feedback(FeedbackKind.Outdated, entryId + new string('x', 200_000));

        var reply = await ReplyToAsync(click);

        Assert.Empty(insights.Feedback);
        Assert.Contains(TurnHandler.FeedbackThanks, reply.Text);
    }

    [Fact]
    public async Task A_clicked_entry_is_answered_exactly_not_searched_again()
    {
        // The text would be searched to another entry; the value names the one the visitor picked.
        var click = Picked(TestKnowledgeBase.CcsviAndMs.Id);
        click.Text = "what is ccsvi";

        var reply = await ReplyToAsync(click);

        Assert.Contains(TestKnowledgeBase.CcsviAndMs.Answer, reply.Text);
        Assert.Equal(TestKnowledgeBase.CcsviAndMs.Id, Assert.Single(insights.Turns).EntryId);
    }

    [Fact]
    public async Task A_clicked_entry_that_no_longer_exists_says_so_with_the_disclaimer()
    {
        var reply = await ReplyToAsync(Picked("removed-entry"));

        Assert.Contains(TurnHandler.UnknownEntryMessage, reply.Text);
        Assert.Contains(TestKnowledgeBase.Disclaimer, reply.Text);
    }

    [Fact]
    public void Clarify_offers_each_candidate_by_id_and_none_of_these()
    {
        var clarify = new Reply
        {
            Kind = ReplyKind.Clarify,
            Candidates = [TestKnowledgeBase.WhatIsCcsvi, TestKnowledgeBase.CcsviAndMs],
            Disclaimer = TestKnowledgeBase.Disclaimer,
        };
        var reply = TestChannel.Message("x").CreateReply();

        new MarkdownActivityRenderer().Render(clarify, reply);

        var actions = reply.SuggestedActions!.Actions;
        Assert.Equal([TestKnowledgeBase.WhatIsCcsvi.Question, TestKnowledgeBase.CcsviAndMs.Question, "None of these"], actions.Select(action => action.Title));
        Assert.Equal(TestKnowledgeBase.CcsviAndMs.Id, (string?)actions[1].Value!["entryId"]);
        Assert.All(actions, action => Assert.Equal("messageBack", action.Type));
        Assert.Contains(TestKnowledgeBase.Disclaimer, reply.Text);
    }

    [Fact]
    public async Task None_of_these_says_so_and_offers_starter_questions()
    {
        var click = TestChannel.Message(string.Empty);
        click.Value = ActionValues.NoneOfThese();

        var reply = await ReplyToAsync(click);

        Assert.Contains(TurnHandler.NoneOfTheseMessage, reply.Text);
        Assert.Contains(TestKnowledgeBase.Disclaimer, reply.Text);
        Assert.Equal(3, reply.SuggestedActions!.Actions.Count);
    }

    [Fact]
    public async Task Urgent_shows_the_safety_message_with_the_disclaimer_and_nothing_else()
    {
        var reply = await ReplyToAsync(TestChannel.Message("is this an emergency"));

        Assert.Contains(TestKnowledgeBase.UrgentReply, reply.Text);
        Assert.Contains(TestKnowledgeBase.Disclaimer, reply.Text);
        Assert.Null(reply.Entities);
        Assert.Null(reply.SuggestedActions);
    }

    [Fact]
    public async Task No_answer_says_so_with_the_disclaimer_and_starter_questions()
    {
        var reply = await ReplyToAsync(TestChannel.Message("tell me about cooking pasta"));

        Assert.Contains(EngineMessages.NoAnswer, reply.Text);
        Assert.Contains(TestKnowledgeBase.Disclaimer, reply.Text);
        Assert.Null(reply.Entities);
        Assert.All(reply.SuggestedActions!.Actions, action => Assert.Equal("imBack", action.Type));
    }

    [Fact]
    public async Task The_users_own_text_is_never_echoed()
    {
        const string hostile = "<img src=x onerror=alert(1)> **[click](javascript:alert(1))**";

        var reply = await ReplyToAsync(TestChannel.Message(hostile));

        Assert.DoesNotContain("<img", reply.Text);
        Assert.DoesNotContain("javascript:", reply.Text);
    }

    [Fact]
    public async Task A_Teams_mention_of_the_bot_is_removed_before_asking()
    {
        var message = TestChannel.Message("<at>CcsviBot</at> what is ccsvi", channelId: "msteams");
        message.Entities = [new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = message.Recipient!.Id, ["name"] = "CcsviBot" },
            ["text"] = "<at>CcsviBot</at>",
        }];

        await ReplyToAsync(message);

        Assert.Equal("what is ccsvi", Assert.Single(insights.Turns).Question);
    }

    [Fact]
    public async Task Someone_joining_is_welcomed_with_the_disclaimer_and_three_starter_questions()
    {
        var update = ConversationUpdate(membersAdded: "r_03c5srv9rb");

        var reply = await ReplyToAsync(update);

        Assert.Contains(TurnHandler.WelcomeMessage, reply.Text);
        Assert.Contains(TestKnowledgeBase.Disclaimer, reply.Text);
        Assert.Equal(3, reply.SuggestedActions!.Actions.Count);
        Assert.All(reply.SuggestedActions.Actions, action => Assert.Equal("imBack", action.Type));
    }

    [Fact]
    public async Task Only_the_bot_joining_gets_no_welcome()
    {
        var result = await turns.HandleAsync(ConversationUpdate(membersAdded: "ccsvibot"), CancellationToken.None);

        Assert.Empty(result.Replies);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("endOfConversation")]
    [InlineData("event")]
    public async Task Other_activity_types_produce_nothing(string type)
    {
        var activity = TestChannel.Message("what is ccsvi");
        activity.Type = type;

        var result = await turns.HandleAsync(activity, CancellationToken.None);

        Assert.Empty(result.Replies);
        Assert.Null(result.Invoke);
    }

    private async Task<Activity> ReplyToAsync(Activity activity) =>
        Assert.Single((await turns.HandleAsync(activity, CancellationToken.None)).Replies);

    private static Activity Picked(string entryId)
    {
        var click = TestChannel.Message(string.Empty);
        click.Value = ActionValues.PickEntry(entryId);
        return click;
    }

    private static Activity ConversationUpdate(string membersAdded)
    {
        var update = TestChannel.Message(string.Empty);
        update.Type = ActivityTypes.ConversationUpdate;
        update.Text = null;
        update.MembersAdded = [new ChannelAccount { Id = membersAdded }];
        return update;
    }

}

/// <summary>Keeps what the pipeline records, for assertions.</summary>
public sealed class RecordingInsights : IInsightsRecorder
{
    public List<TurnRecord> Turns { get; } = [];
    public List<FeedbackRecord> Feedback { get; } = [];

    public void RecordTurn(TurnRecord turn) => Turns.Add(turn);

    public void RecordFeedback(FeedbackRecord feedback) => Feedback.Add(feedback);
}
