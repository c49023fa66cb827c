using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Search;

/// <summary>A ranked candidate from the full-text index. Higher <see cref="Score"/> is better.</summary>
public sealed record SearchHit(FaqEntry Entry, double Score);

/// <summary>
/// The full-text index engine, kept deliberately small so that SQLite FTS5 can be swapped for Lucene.Net.
/// Implementations are immutable once built and safe for concurrent searches.
/// </summary>
public interface IFaqIndex : IDisposable
{
    int Count { get; }

    /// <summary>Ranks entries for an analysed query. Never throws for any query terms.</summary>
    IReadOnlyList<SearchHit> Search(AnalyzedQuery query, int top);

    /// <summary>True when the index vocabulary contains <paramref name="term"/> (unstemmed, lower case).</summary>
    bool ContainsTerm(string term);

    /// <summary>Known terms within <paramref name="maxEdits"/> edits of <paramref name="term"/>, most frequent first.</summary>
    IReadOnlyList<string> SimilarTerms(string term, int maxEdits);
}

/// <summary>A user's text turned into safe search terms: normalised, spell-corrected, synonym-expanded.</summary>
public sealed record AnalyzedQuery(IReadOnlyList<QueryTerm> Terms)
{
    public bool IsEmpty => Terms.Count == 0;
}

/// <summary>One query concept: the word the user meant plus its synonyms (any of them may match).</summary>
public sealed record QueryTerm(string Text, IReadOnlyList<string> Alternatives);
