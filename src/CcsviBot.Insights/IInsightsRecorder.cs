using CcsviBot.Core.Answering;

namespace CcsviBot.Insights;

/// <summary>One answered message, as the maintainers' analytics keep it: no user ids, no names.</summary>
/// <param name="ConversationKey">
/// Opaque conversation id, used only in memory to notice that a question ended on an entry after a clarification or
/// a rephrasing (suggested alternates). It is never stored.
/// </param>
/// <param name="Choices">A clarification's candidate entry ids, used only in memory to credit the one the visitor picks.</param>
public sealed record TurnRecord(DateTimeOffset Time, string Channel, string Question, ReplyKind Kind, string? EntryId, double Confidence, string? ConversationKey = null, IReadOnlyList<string>? Choices = null);

public enum FeedbackKind
{
    Helpful,
    NotHelpful,
    Outdated,
}

/// <summary>A visitor's verdict on an answer, or a staff member's "report outdated".</summary>
public sealed record FeedbackRecord(DateTimeOffset Time, string Channel, string EntryId, FeedbackKind Kind);

/// <summary>
/// Where turns and feedback go. Implementations must never block or slow the answer path
/// (queue and drop-with-count when full), and must redact personal data before storing.
/// </summary>
public interface IInsightsRecorder
{
    void RecordTurn(TurnRecord turn);

    void RecordFeedback(FeedbackRecord feedback);
}
