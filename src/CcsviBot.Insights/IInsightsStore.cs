using CcsviBot.Core.Answering;

namespace CcsviBot.Insights;

/// <summary>
/// A recorded turn as stored: the question already redacted. <see cref="EarlierQuestion"/> is the visitor's previous
/// question when this turn ended on an entry right after a clarification or an unanswered question.
/// </summary>
public sealed record StoredTurn(
    DateTimeOffset Time,
    string Channel,
    string Question,
    ReplyKind Kind,
    string? EntryId,
    double Confidence,
    string? EarlierQuestion = null,
    ReplyKind? EarlierKind = null);

/// <summary>Everything recorded in a period, oldest first.</summary>
public sealed record InsightsData(IReadOnlyList<StoredTurn> Turns, IReadOnlyList<FeedbackRecord> Feedback);

/// <summary>Durable storage of turns and feedback, shared by the bot (writes) and the report (reads).</summary>
public interface IInsightsStore
{
    /// <summary>Engine and location for status pages; never contains a password.</summary>
    string Description { get; }

    /// <summary>Creates the tables when missing. Safe to call repeatedly.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken);

    Task WriteAsync(IReadOnlyList<StoredTurn> turns, IReadOnlyList<FeedbackRecord> feedback, CancellationToken cancellationToken);

    /// <summary>Deletes everything older than <paramref name="cutoff"/>; returns the number of records removed.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    Task<InsightsData> ReadSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
