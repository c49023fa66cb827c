using CcsviBot.Core.Search;

namespace CcsviBot.Core.Text;

/// <summary>
/// Turns free text into query concepts: normal form, spelling corrected against the FAQ's vocabulary,
/// synonym groups (multi-word too), stop words dropped, every form's words stemmed by <paramref name="analyzer"/>.
/// Immutable and thread-safe. <paramref name="fillerWords"/> are words such as greetings that are not topics unless the
/// FAQ uses them; <paramref name="knowsStem"/> tells whether the FAQ uses some form of a word ("affected" when it says
/// "affects"), which is then no typo.
/// Multi-word synonyms are expanded here, by hand, rather than with Lucene's SynonymFilter: the engine needs each
/// concept as one unit with all its forms (one clause per concept in the index query, one feature per synonym group
/// in the classifier, one weight in the matcher), which a token stream of stacked synonyms does not give.
/// </summary>
public sealed class QueryAnalyzer(IVocabulary vocabulary, SynonymMap synonyms, FaqAnalyzer analyzer, IReadOnlySet<string>? fillerWords = null, Func<string, bool>? knowsStem = null)
{
    /// <summary>More concepts than this add nothing but cost; the rest of a very long text is ignored.</summary>
    public const int MaxTerms = 40;

    private const int MaxWords = 400;
    private const int ShortestCorrectableWord = 4;
    private const int ShortestTopicWord = 3;
    private const int TwoEditWordLength = 9;
    private const int TwoEditEndingLength = 7;

    public AnalyzedQuery Analyze(string? text)
    {
        var words = TextNormalizer.Words(text);
        if (words.Length > MaxWords)
        {
            words = words[..MaxWords];
        }

        var acronyms = Acronyms(text);
        var originals = new string?[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var corrected = acronyms.Contains(words[i]) ? null : Correct(words[i]);
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
                    terms.Add(new QueryTerm(forms[0], forms.Skip(1).ToArray()) { Original = original, Known = forms.Any(IsKnownPhrase), Stems = [.. forms.Select(StemsOf)] });
                }

                i += span;
                continue;
            }

            var word = words[i];
            i++;
            if (StopWords.Contains(word) || (fillerWords?.Contains(word) == true && !vocabulary.Contains(word)) || !seen.Add(word))
            {
                continue;
            }

            var known = IsKnown(word);
            if (!known && word.Length < ShortestTopicWord)
            {
                // One- and two-letter unknown fragments ("u", "b4") are noise; three letters may be the topic ("flu", "cat", "hiv").
                continue;
            }

            terms.Add(new QueryTerm(word, []) { Original = originals[i - 1], Known = known, Stems = [[analyzer.Stem(word)]] });
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
        var similar = vocabulary.Similar(word, word.Length < TwoEditWordLength ? 1 : 2);
        var corrected = similar.FirstOrDefault(candidate =>
            (candidate[0] == word[0] || (candidate.Length > 1 && candidate[0] == word[1] && candidate[1] == word[0]))
            && (word.Length < 6 || !StopWords.Contains(candidate)));

        // A mid-length word may still be two edits off in its ending ("multipal", "theraphy"); a shared start of
        // half the word or more keeps that apart from a different real word ("parents" is not "patients").
        return corrected ?? (word.Length < TwoEditEndingLength || word.Length >= TwoEditWordLength
            ? null
            : vocabulary.Similar(word, 2).FirstOrDefault(candidate =>
                CommonPrefixLength(candidate, word) * 2 >= word.Length && !StopWords.Contains(candidate)));
    }

    /// <summary>
    /// Words typed in capitals inside otherwise normal text ("COPD", "ALS"): names of things, not typos, so they are
    /// never "corrected" into an FAQ word ("cord"). A message typed all in capitals has none.
    /// </summary>
    private static HashSet<string> Acronyms(string? text)
    {
        var acronyms = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text) || !HasTwoCapitalsInARow(text) || !text.Any(char.IsLower))
        {
            return acronyms;
        }

        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = token.Trim(TokenPunctuation);
            if (letters.Length >= 2 && letters.All(char.IsUpper))
            {
                acronyms.Add(letters.ToLowerInvariant());
            }
        }

        return acronyms;
    }

    private static readonly char[] TokenPunctuation = ['.', ',', '?', '!', ':', ';', '(', ')', '"', '\'', '’'];

    // Most messages have no acronym: skip the tokenising then.
    private static bool HasTwoCapitalsInARow(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]) && char.IsUpper(text[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static int CommonPrefixLength(string a, string b)
    {
        var length = 0;
        while (length < a.Length && length < b.Length && a[length] == b[length])
        {
            length++;
        }

        return length;
    }

    private bool IsKnown(string word) => vocabulary.Contains(word) || knowsStem?.Invoke(analyzer.Stem(word)) == true;

    private string[] StemsOf(string form) => form.Split(' ').Select(analyzer.Stem).ToArray();

    private bool IsKnownPhrase(string phrase) => phrase.Split(' ').All(IsKnown);
}
