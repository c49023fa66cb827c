namespace CcsviBot.Insights;

/// <summary>What maintainers learn from a period of recorded turns and feedback.</summary>
public sealed record InsightsReport(
    DateTimeOffset GeneratedAt,
    DateTimeOffset Since,
    ReportTotals Totals,
    IReadOnlyList<QuestionGroup> Unanswered,
    IReadOnlyList<QuestionGroup> Clarified,
    IReadOnlyList<EntryFeedback> WorstHelpful,
    IReadOnlyList<OutdatedFlag> FlaggedOutdated,
    IReadOnlyList<EntrySummary> NeverMatched,
    IReadOnlyList<ReviewDue> ReviewOverdue,
    IReadOnlyList<SuggestedAlternate> SuggestedAlternates);

public sealed record ReportTotals(int Turns, int Answered, int Clarified, int Unanswered, int Urgent, int SmallTalk, int Helpful, int NotHelpful, int Outdated);

/// <summary>Similar questions counted together; <see cref="Examples"/> are distinct wordings, most frequent first.</summary>
public sealed record QuestionGroup(string Question, int Count, IReadOnlyList<string> Examples, DateTimeOffset LastAsked);

public sealed record EntryFeedback(string EntryId, string Question, int Helpful, int NotHelpful, double HelpfulRatio);

public sealed record OutdatedFlag(string EntryId, string Question, int Count, DateTimeOffset LastFlagged);

public sealed record EntrySummary(string EntryId, string Question);

/// <summary>An entry whose last review is too old (or was never recorded: <see cref="Reviewed"/> null).</summary>
public sealed record ReviewDue(string EntryId, string Question, DateOnly? Reviewed);

/// <summary>
/// A visitor question that ended on <see cref="EntryId"/> after a clarification or a rephrasing, ready to paste into the
/// entry's <c>alternates</c>; <see cref="Reason"/> says why it is suggested.
/// </summary>
public sealed record SuggestedAlternate(string EntryId, string EntryQuestion, string Question, int Count, string Reason);
