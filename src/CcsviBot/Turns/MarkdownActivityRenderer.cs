using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;
using CcsviBot.Insights;
using CcsviBot.Core.Rendering;
using CcsviBot.Protocol;

namespace CcsviBot.Turns;

/// <summary>
/// The default rendering: Markdown text from <see cref="MarkdownReplyRenderer"/> (passage, source links, disclaimer) and
/// buttons as suggested actions.
/// </summary>
public sealed class MarkdownActivityRenderer : IReplyRenderer
{
    public const int MaxRelatedQuestions = 3;

    public bool AppliesTo(string? channelId) => true;

    public void Render(Reply reply, Activity outgoing)
    {
        outgoing.Text = MarkdownReplyRenderer.Render(reply);
        outgoing.TextFormat = "markdown";
        var actions = SuggestedActionsFor(reply);
        outgoing.SuggestedActions = actions.Count == 0 ? null : new SuggestedActions { Actions = actions };
    }

    /// <summary>
    /// Answer: related questions (imBack, so any channel can send them) then the two feedback buttons.
    /// Clarify: each candidate by id (messageBack, so the exact entry is answered) then "None of these".
    /// Small talk / none: starter questions. Urgent: nothing that could distract from the safety message.
    /// </summary>
    public static List<CardAction> SuggestedActionsFor(Reply reply) => reply.Kind switch
    {
        ReplyKind.Answer when reply.Entry is { } entry =>
        [
            .. reply.Suggestions.Take(MaxRelatedQuestions).Select(AskAgain),
            Feedback("Helpful", FeedbackKind.Helpful, entry.Id),
            Feedback("Not helpful", FeedbackKind.NotHelpful, entry.Id),
        ],
        ReplyKind.Clarify =>
        [
            .. reply.Candidates.Select(PickCandidate),
            new CardAction { Type = "messageBack", Title = "None of these", DisplayText = "None of these", Value = ActionValues.NoneOfThese() },
        ],
        ReplyKind.SmallTalk or ReplyKind.None => [.. reply.Suggestions.Take(MaxRelatedQuestions).Select(AskAgain)],
        _ => [],
    };

    private static CardAction AskAgain(FaqEntry entry) =>
        new() { Type = "imBack", Title = entry.Question, Value = entry.Question };

    private static CardAction PickCandidate(FaqEntry entry) => new()
    {
        Type = "messageBack",
        Title = entry.Question,
        Text = entry.Question,
        DisplayText = entry.Question,
        Value = ActionValues.PickEntry(entry.Id),
    };

    private static CardAction Feedback(string title, FeedbackKind kind, string entryId) =>
        new() { Type = "messageBack", Title = title, DisplayText = title, Value = ActionValues.Feedback(kind, entryId) };
}
