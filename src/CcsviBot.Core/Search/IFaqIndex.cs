using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Search;

/// <summary>
/// Candidate retrieval, the index's only job: it chooses candidates, <c>EntryMatcher</c> ranks them. Implementations are
/// immutable once built and safe for concurrent searches. Disposing waits for searches in flight: they finish on the
/// old index; searches started after disposal find nothing instead of throwing.
/// </summary>
public interface IFaqIndex : IDisposable
{
    int Count { get; }

    /// <summary>
    /// The entries an analysed query matches, for the engine to re-score: every one of them when at most
    /// <paramref name="limit"/> match, otherwise the <paramref name="limit"/> the index ranks most relevant (question and
    /// alternates weigh more than the answer). In no promised order. Never throws for any query terms.
    /// </summary>
    IReadOnlyList<FaqEntry> Candidates(AnalyzedQuery query, int limit);
}
