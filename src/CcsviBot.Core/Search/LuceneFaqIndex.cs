using CcsviBot.Core.Faq;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace CcsviBot.Core.Search;

/// <summary>
/// <see cref="IFaqIndex"/> over a Lucene index built by <see cref="LuceneFaqIndexBuilder"/>: one segment whose document
/// numbers are the entries' positions. One <see cref="IndexSearcher"/> (thread-safe) serves every search of the
/// snapshot. The query is built from the analysed query's stems with <see cref="TermQuery"/> and
/// <see cref="PhraseQuery"/> (user text is never parsed as query syntax), one nested <see cref="BooleanQuery"/> per
/// concept so a big synonym group stays far under the clause limit, field boosts on <see cref="BM25Similarity"/>.
/// </summary>
public sealed class LuceneFaqIndex : IFaqIndex
{
    private const int CommonTermMinimumCorpus = 2000;
    private const double CommonTermShare = 0.05;
    private const int MaxSearchTerms = 12;

    /// <summary>Up to this many entries the postings are read once and held (see <see cref="SmallIndexPostings"/>): an FAQ, not a scale corpus.</summary>
    internal const int SmallCorpusLimit = 256;

    private readonly IReadOnlyList<FaqEntry> entries;
    private readonly LuceneFaqFields fields;
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly LuceneDirectory directory;
    private readonly Action? deleteFolder;
    private readonly SmallIndexPostings? smallPostings;

    // One reference for the owner plus one per search in flight; the reader and directory close when it reaches zero.
    private int references = 1;
    private int disposed;

    internal LuceneFaqIndex(IReadOnlyList<FaqEntry> entries, LuceneFaqFields fields, LuceneDirectory directory, Action? deleteFolder)
    {
        this.entries = entries;
        this.fields = fields;
        this.directory = directory;
        this.deleteFolder = deleteFolder;
        reader = DirectoryReader.Open(directory);
        if (reader.MaxDoc != entries.Count || reader.Leaves.Count > 1)
        {
            reader.Dispose();
            throw new InvalidOperationException($"the index holds {reader.MaxDoc} documents in {reader.Leaves.Count} segments for {entries.Count} entries");
        }

        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        if (entries.Count is > 0 and <= SmallCorpusLimit)
        {
            smallPostings = SmallIndexPostings.Read(reader.Leaves[0].AtomicReader, [.. fields.Boosts.Select(b => b.Field)]);
        }
    }

    public int Count => entries.Count;

    public IReadOnlyList<FaqEntry> Candidates(AnalyzedQuery query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (limit <= 0 || entries.Count == 0 || !TryAddReference())
        {
            return [];
        }

        try
        {
            return smallPostings is not null && entries.Count <= limit ? Matches(query, smallPostings) : Search(query, limit);
        }
        finally
        {
            Release();
        }
    }

    /// <summary>The candidates as a Lucene search ranks them (a large corpus; a small one whose entries outnumber the limit).</summary>
    internal IReadOnlyList<FaqEntry> Search(AnalyzedQuery query, int limit)
    {
        var search = ToQuery(WithoutCommonTerms(query));
        if (search is null)
        {
            return [];
        }

        // Documents collected in order: IndexSearcher.Search(query, n) lets a disjunction score out of order with
        // BooleanScorer, whose bucket table (2,048 buckets per search) cost about 700 KB and most of the time of a
        // short CCSVI question; in order, the same top documents cost a fifth of that (tie order: lower document first).
        var collector = TopScoreDocCollector.Create(Math.Min(limit, entries.Count), docsScoredInOrder: true);
        searcher.Search(search, collector);
        var found = collector.GetTopDocs().ScoreDocs;
        var candidates = new FaqEntry[found.Length];
        for (var i = 0; i < found.Length; i++)
        {
            candidates[i] = entries[found[i].Doc];
        }

        return candidates;
    }

    /// <summary>
    /// Every entry the query matches, in the FAQ's order, from the postings held in memory: the same documents as the
    /// search of <see cref="ToQuery"/> matches (a term in a field, or a phrase), without building its weights and
    /// scorers. Only when every entry fits in the limit, so no ranking is needed to cut any.
    /// </summary>
    private List<FaqEntry> Matches(AnalyzedQuery query, SmallIndexPostings postings)
    {
        Span<ulong> matched = stackalloc ulong[(SmallCorpusLimit + 63) / 64];
        matched.Clear();
        foreach (var forms in ConceptForms(query))
        {
            foreach (var stems in forms)
            {
                for (var field = 0; field < fields.Boosts.Count; field++)
                {
                    postings.Match(field, stems, matched);
                }
            }
        }

        var candidates = new List<FaqEntry>();
        for (var doc = 0; doc < entries.Count; doc++)
        {
            if ((matched[doc >> 6] & (1UL << doc)) != 0)
            {
                candidates.Add(entries[doc]);
            }
        }

        return candidates;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            Release();
        }
    }

    /// <summary>
    /// Per known concept a nested query: each form (a term, or a phrase when multi-word) in each field with its boost.
    /// A phrase holding a word that is a form on its own matches nothing more ("balloon angioplasty" beside
    /// "angioplasty"): leaving it out keeps big synonym groups cheap. Null when nothing is left to search.
    /// </summary>
    internal Query? ToQuery(AnalyzedQuery query)
    {
        var all = new BooleanQuery(disableCoord: true);
        foreach (var forms in ConceptForms(query))
        {
            var concept = new BooleanQuery(disableCoord: true);
            foreach (var stems in forms)
            {
                foreach (var (field, boost) in fields.Boosts)
                {
                    concept.Add(FormQuery(field, stems, boost), Occur.SHOULD);
                }
            }

            all.Add(concept, Occur.SHOULD);
        }

        return all.Clauses.Count == 0 ? null : all;
    }

    /// <summary>Per known concept with anything to search, its distinct forms' stems, phrases holding a single form left out.</summary>
    private static IEnumerable<List<string[]>> ConceptForms(AnalyzedQuery query)
    {
        foreach (var term in query.Terms.Where(t => t.Known))
        {
            var forms = term.Stems.Where(s => s.Length > 0).DistinctBy(s => string.Join(' ', s)).ToList();
            var singles = forms.Where(s => s.Length == 1).Select(s => s[0]).ToHashSet(StringComparer.Ordinal);
            forms.RemoveAll(s => s.Length > 1 && s.Any(singles.Contains));
            if (forms.Count > 0)
            {
                yield return forms;
            }
        }
    }

    private static Query FormQuery(string field, string[] stems, float boost)
    {
        if (stems.Length == 1)
        {
            return new TermQuery(new Term(field, stems[0])) { Boost = boost };
        }

        var phrase = new PhraseQuery { Boost = boost };
        foreach (var stem in stems)
        {
            phrase.Add(new Term(field, stem));
        }

        return phrase;
    }

    /// <summary>
    /// On a large corpus, a term found in a large share of the entries ("symptoms", "treatment") makes the search score
    /// thousands of documents while barely changing which entries come first; the engine still weighs every term when it
    /// re-scores the candidates. So such terms are left out of the search unless nothing rarer is left.
    /// </summary>
    internal AnalyzedQuery WithoutCommonTerms(AnalyzedQuery query)
    {
        if (entries.Count < CommonTermMinimumCorpus)
        {
            return query;
        }

        var known = query.Terms.Where(t => t.Known).Select(t => (Term: t, Frequency: DocumentFrequency(t))).OrderBy(t => t.Frequency).ToList();
        var rare = known.Where(t => t.Frequency <= entries.Count * CommonTermShare).Take(MaxSearchTerms).Select(t => t.Term).ToList();
        return rare.Count > 0 ? new AnalyzedQuery(rare) : new AnalyzedQuery(known.Take(2).Select(t => t.Term).ToList());
    }

    /// <summary>How many entries hold the term (its commonest form; a phrase counts as its rarest word).</summary>
    private int DocumentFrequency(QueryTerm term) =>
        term.Stems.Max(stems => stems.Select(EntriesWith).DefaultIfEmpty(0).Min());

    /// <summary>How many entries hold <paramref name="stem"/> in their most common field for it.</summary>
    private int EntriesWith(string stem) => fields.Boosts.Max(f => reader.DocFreq(new Term(f.Field, stem)));

    private bool TryAddReference()
    {
        while (true)
        {
            var current = Volatile.Read(ref references);
            if (current == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref references, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref references) != 0)
        {
            return;
        }

        reader.Dispose();
        directory.Dispose();
        deleteFolder?.Invoke();
    }
}
