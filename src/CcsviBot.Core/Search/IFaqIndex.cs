using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Search;

/// <summary>
/// The full-text index engine, kept deliberately small so that SQLite FTS5 can be swapped for Lucene.Net.
/// Implementations are immutable once built and safe for concurrent searches. Disposing waits for searches in
/// flight: they finish on the old index; searches started after disposal find nothing instead of throwing.
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

    /// <summary>True when the index vocabulary contains <paramref name="term"/> (unstemmed, lower case).</summary>
    bool ContainsTerm(string term);

    /// <summary>Known terms within <paramref name="maxEdits"/> edits of <paramref name="term"/>, most frequent first.</summary>
    IReadOnlyList<string> SimilarTerms(string term, int maxEdits);
}

/// <summary>A user's text turned into safe search terms: normalised, spell-corrected, synonym-expanded.</summary>
public sealed record AnalyzedQuery(IReadOnlyList<QueryTerm> Terms)
{
    public static AnalyzedQuery Empty { get; } = new([]);

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>The stop words of the text ("what", "is"): never searched, but they tell "what is X" from "I want X" when phrasings are compared.</summary>
    public IReadOnlyList<string> FunctionWords { get; init; } = [];
}

/// <summary>
/// One query concept: the word (or multi-word term) the user meant plus its synonyms in <see cref="Alternatives"/>
/// (any of them may match). All text is in <see cref="Text.TextNormalizer"/> normal form.
/// </summary>
public sealed record QueryTerm(string Text, IReadOnlyList<string> Alternatives)
{
    /// <summary>What the user typed when <see cref="Text"/> is a spelling correction of it.</summary>
    public string? Original { get; init; }

    /// <summary>False when no form of the term occurs in the index: it cannot match, but it tells what the question is about.</summary>
    public bool Known { get; init; } = true;

    public IEnumerable<string> Forms => Alternatives.Prepend(Text);
}
