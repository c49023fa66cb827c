using CcsviBot.Core.Search;

namespace CcsviBot.Core.Text;

/// <summary>
/// Turns free text into query concepts: normal form, spelling corrected against the index vocabulary,
/// synonym groups (multi-word too), stop words dropped. Immutable and thread-safe. <paramref name="fillerWords"/> are
/// words such as greetings that are not topics unless the index knows them; <paramref name="knowsStem"/> tells whether
/// the FAQ uses some form of a word ("affected" when it says "affects"), which is then no typo.
/// </summary>
public sealed class QueryAnalyzer(IFaqIndex index, SynonymMap synonyms, IReadOnlySet<string>? fillerWords = null, Func<string, bool>? knowsStem = null)
{
    /// <summary>More concepts than this add nothing but cost; the rest of a very long text is ignored.</summary>
    public const int MaxTerms = 40;

    private const int MaxWords = 400;
    private const int ShortestCorrectableWord = 4;
    private const int TwoEditWordLength = 9;

    public AnalyzedQuery Analyze(string? text)
    {
        var words = TextNormalizer.Words(text);
        if (words.Length > MaxWords)
        {
            words = words[..MaxWords];
        }

        var originals = new string?[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var corrected = Correct(words[i]);
            if (corrected is not null)
            {
                originals[i] = words[i];
                words[i] = corrected;
            }
        }

        var terms = new List<QueryTerm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length && terms.Count < MaxTerms;)
        {
            var (span, forms) = synonyms.MatchAt(words, i);
            if (span > 0)
            {
                if (seen.Add(forms[0]))
                {
                    var original = originals.Skip(i).Take(span).Any(o => o is not null) ? string.Join(' ', originals.Skip(i).Take(span).Select((o, k) => o ?? words[i + k])) : null;
                    terms.Add(new QueryTerm(forms[0], forms.Skip(1).ToArray()) { Original = original, Known = forms.Any(IsKnownPhrase) });
                }

                i += span;
                continue;
            }

            var word = words[i];
            i++;
            if (StopWords.Contains(word) || (fillerWords?.Contains(word) == true && !index.ContainsTerm(word)) || !seen.Add(word))
            {
                continue;
            }

            var known = IsKnown(word);
            if (!known && word.Length < ShortestCorrectableWord)
            {
                // Short unknown fragments ("wat", "u2") are noise, not a topic.
                continue;
            }

            terms.Add(new QueryTerm(word, []) { Original = originals[i - 1], Known = known });
        }

        return terms.Count == 0
            ? AnalyzedQuery.Empty
            : new AnalyzedQuery(terms) { FunctionWords = words.Where(StopWords.Contains).Distinct(StringComparer.Ordinal).Take(MaxTerms).ToArray() };
    }

    private string? Correct(string word)
    {
        if (word.Length < ShortestCorrectableWord || StopWords.Contains(word) || fillerWords?.Contains(word) == true || synonyms.Knows(word) || IsKnown(word) || word.Any(char.IsDigit))
        {
            return null;
        }

        // People rarely mistype the first letter; requiring it keeps real words the FAQ lacks ("gout") from
        // being "corrected" into words it has ("out"). A swap of the first two letters is still a typo.
        // A long word is no typo of a stop word ("weather" is not "whether"): the topic would silently vanish.
        // Two edits only for long words: a shorter real word two edits away is too often another real word ("parents", "patients").
        var similar = index.SimilarTerms(word, word.Length < TwoEditWordLength ? 1 : 2);
        return similar.FirstOrDefault(candidate =>
            (candidate[0] == word[0] || (candidate.Length > 1 && candidate[0] == word[1] && candidate[1] == word[0]))
            && (word.Length < 6 || !StopWords.Contains(candidate)));
    }

    private bool IsKnown(string word) => index.ContainsTerm(word) || knowsStem?.Invoke(PorterStemmer.Stem(word)) == true;

    private bool IsKnownPhrase(string phrase) => phrase.Split(' ').All(IsKnown);
}
