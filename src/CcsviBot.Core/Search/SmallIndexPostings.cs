using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CcsviBot.Core.Search;

/// <summary>
/// The postings of a small Lucene index (an FAQ-sized one: tens of entries), read out of its one segment once when the
/// snapshot opens: per field, per term, the documents that hold it and the positions in each. When every entry fits in
/// the candidate pool, the index does not need to rank (the engine re-scores every match), so the candidates are just
/// the documents the query's terms and phrases match, which these postings answer without a search. Why: a Lucene
/// search builds a weight per term (a term dictionary seek with its own enumerator, about 10 KB each) and a scorer tree
/// every time; on the CCSVI FAQ that was about 100 µs and 376 KB of the 300 µs a short question costs. The documents
/// matched are the same, because these are the index's own postings and the matching rules are Lucene's: a term matches
/// a document that holds it in the field, a phrase one that holds its terms at consecutive positions. Immutable.
/// </summary>
internal sealed class SmallIndexPostings
{
    private readonly Dictionary<string, TermPostings>[] byField;

    private SmallIndexPostings(Dictionary<string, TermPostings>[] byField) => this.byField = byField;

    /// <summary>Every term of <paramref name="fields"/> in the reader's one segment, with its documents and positions.</summary>
    public static SmallIndexPostings Read(AtomicReader reader, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fields);
        var byField = new Dictionary<string, TermPostings>[fields.Count];
        var docs = new List<int>();
        var positions = new List<int[]>();
        for (var f = 0; f < fields.Count; f++)
        {
            var terms = new Dictionary<string, TermPostings>(StringComparer.Ordinal);
            byField[f] = terms;
            var termsEnum = reader.GetTerms(fields[f])?.GetEnumerator();
            if (termsEnum is null)
            {
                continue;
            }

            DocsAndPositionsEnum? postings = null;
            while (termsEnum.MoveNext())
            {
                postings = termsEnum.DocsAndPositions(reader.LiveDocs, postings);
                if (postings is null)
                {
                    throw new InvalidOperationException($"the field {fields[f]} is indexed without positions");
                }

                docs.Clear();
                positions.Clear();
                for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
                {
                    var at = new int[postings.Freq];
                    for (var i = 0; i < at.Length; i++)
                    {
                        at[i] = postings.NextPosition();
                    }

                    docs.Add(doc);
                    positions.Add(at);
                }

                terms[termsEnum.Term.Utf8ToString()] = new TermPostings([.. docs], [.. positions]);
            }
        }

        return new SmallIndexPostings(byField);
    }

    /// <summary>
    /// Marks in <paramref name="matched"/> (a bit per document) the documents whose field <paramref name="field"/> (an
    /// index into the fields read) holds the term, or for several stems the phrase: the stems at consecutive positions.
    /// </summary>
    public void Match(int field, string[] stems, Span<ulong> matched)
    {
        var terms = byField[field];
        if (stems.Length == 1)
        {
            if (terms.TryGetValue(stems[0], out var term))
            {
                foreach (var doc in term.Docs)
                {
                    matched[doc >> 6] |= 1UL << doc;
                }
            }

            return;
        }

        var lists = new TermPostings[stems.Length];
        for (var i = 0; i < stems.Length; i++)
        {
            if (!terms.TryGetValue(stems[i], out var term))
            {
                return;
            }

            lists[i] = term;
        }

        var first = lists[0];
        for (var d = 0; d < first.Docs.Length; d++)
        {
            var doc = first.Docs[d];
            if ((matched[doc >> 6] & (1UL << doc)) == 0 && HasPhrase(lists, doc, first.Positions[d]))
            {
                matched[doc >> 6] |= 1UL << doc;
            }
        }
    }

    private static bool HasPhrase(TermPostings[] lists, int doc, int[] starts)
    {
        var rest = new int[lists.Length][];
        for (var i = 1; i < lists.Length; i++)
        {
            var at = Array.BinarySearch(lists[i].Docs, doc);
            if (at < 0)
            {
                return false;
            }

            rest[i] = lists[i].Positions[at];
        }

        foreach (var start in starts)
        {
            var all = true;
            for (var i = 1; i < lists.Length && all; i++)
            {
                all = Array.BinarySearch(rest[i], start + i) >= 0;
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One term's documents in ascending order and, per document, its positions in ascending order.</summary>
    private sealed record TermPostings(int[] Docs, int[][] Positions);
}
