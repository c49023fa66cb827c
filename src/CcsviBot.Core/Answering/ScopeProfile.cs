using CcsviBot.Core.Faq;
using CcsviBot.Core.Search;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Answering;

/// <summary>
/// How strongly a question's words speak for the FAQ's topic rather than for the questions it does not answer: per
/// concept, the log ratio of how often the entries' phrasings use it to how often the maintainers' out-of-scope
/// examples (<c>faq/out-of-scope.yaml</c>) do. The matcher weighs words by how well they tell entries apart, so
/// "ccsvi", which every entry shares, counts for little there; here it counts for much, and "dose" or "pregnant" count
/// against. Concepts neither side uses are left out: the unknown-word share already speaks for them.
/// Without examples (a JSON Lines corpus) every lift is 0. Built once per snapshot; immutable.
/// </summary>
internal sealed class ScopeProfile
{
    private const double Smoothing = 0.5;

    private readonly Dictionary<string, int> phrasingsUsing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> examplesUsing = new(StringComparer.Ordinal);
    private readonly int phrasingCount;
    private readonly int exampleCount;

    public ScopeProfile(IReadOnlyList<FaqEntry> entries, IReadOnlyList<string> outOfScopeExamples, FaqAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(outOfScopeExamples);
        ArgumentNullException.ThrowIfNull(analyzer);
        // Phrasings repeat the same few thousand words: stem each distinct word once. Without examples there is nothing
        // to compare with, so a large corpus pays nothing.
        var stemOf = new Dictionary<string, string>(StringComparer.Ordinal);
        exampleCount = CountStems(outOfScopeExamples, examplesUsing, stemOf, analyzer);
        phrasingCount = exampleCount == 0 ? 0 : CountStems(entries.SelectMany(e => e.Alternates.Prepend(e.Question)), phrasingsUsing, stemOf, analyzer);
    }

    /// <summary>The mean, lowest and highest lift over the query's concepts that either side uses (all 0 when none does).</summary>
    public ScopeLift Lift(AnalyzedQuery query)
    {
        if (exampleCount == 0 || phrasingCount == 0)
        {
            return default;
        }

        double sum = 0, lowest = double.MaxValue, highest = double.MinValue;
        var counted = 0;
        foreach (var term in query.Terms)
        {
            int inScope = 0, outOfScope = 0;
            foreach (var (_, words, wordStems) in term.FormsWithStems)
            {
                var stems = ContentStems(words, i => wordStems[i]);
                if (stems.Count > 0)
                {
                    inScope = Math.Max(inScope, stems.Min(s => phrasingsUsing.GetValueOrDefault(s)));
                    outOfScope = Math.Max(outOfScope, stems.Min(s => examplesUsing.GetValueOrDefault(s)));
                }
            }

            if (inScope + outOfScope == 0)
            {
                continue;
            }

            var lift = Math.Log((inScope + Smoothing) / (phrasingCount + (2 * Smoothing))) - Math.Log((outOfScope + Smoothing) / (exampleCount + (2 * Smoothing)));
            sum += lift;
            lowest = Math.Min(lowest, lift);
            highest = Math.Max(highest, lift);
            counted++;
        }

        return counted == 0 ? default : new ScopeLift(sum / counted, lowest, highest);
    }

    /// <summary>Counts, per stem, how many of the texts use it; returns the number of texts with any content word.</summary>
    private static int CountStems(IEnumerable<string> texts, Dictionary<string, int> into, Dictionary<string, string> stemOf, FaqAnalyzer analyzer)
    {
        var count = 0;
        foreach (var text in texts)
        {
            var words = TextNormalizer.Words(text);
            var stems = ContentStems(words, i =>
            {
                if (!stemOf.TryGetValue(words[i], out var stem))
                {
                    stem = analyzer.Stem(words[i]);
                    stemOf[words[i]] = stem;
                }

                return stem;
            });
            if (stems.Count == 0)
            {
                continue;
            }

            count++;
            foreach (var stem in stems)
            {
                into[stem] = into.GetValueOrDefault(stem) + 1;
            }
        }

        return count;
    }

    /// <summary>The stems of the words that are not stop words (<paramref name="stemAt"/> gives the stem of word i).</summary>
    private static HashSet<string> ContentStems(string[] words, Func<int, string> stemAt) =>
        Enumerable.Range(0, words.Length).Where(i => !StopWords.Contains(words[i])).Select(stemAt).ToHashSet(StringComparer.Ordinal);
}
