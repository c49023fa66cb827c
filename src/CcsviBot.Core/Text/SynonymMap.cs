namespace CcsviBot.Core.Text;

/// <summary>
/// Groups of interchangeable terms (single or multi-word), matched longest-first over normalised words.
/// Immutable once built.
/// </summary>
public sealed class SynonymMap
{
    private readonly Dictionary<string, List<string[]>> phrasesByFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> groupOfPhrase = new(StringComparer.Ordinal);
    private readonly List<string[]> groups = [];

    public SynonymMap(IEnumerable<IReadOnlyList<string>> synonymGroups)
    {
        foreach (var group in synonymGroups)
        {
            var terms = group.Select(TextNormalizer.Normalize).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
            if (terms.Length < 2)
            {
                continue;
            }

            var groupIndex = groups.Count;
            groups.Add(terms);
            foreach (var term in terms)
            {
                // A term listed in two groups keeps its first group: one meaning per term.
                if (!groupOfPhrase.TryAdd(term, groupIndex))
                {
                    continue;
                }

                var words = term.Split(' ');
                if (!phrasesByFirstWord.TryGetValue(words[0], out var phrases))
                {
                    phrases = [];
                    phrasesByFirstWord[words[0]] = phrases;
                }

                phrases.Add(words);
            }
        }

        foreach (var phrases in phrasesByFirstWord.Values)
        {
            phrases.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
    }

    public static SynonymMap Empty { get; } = new([]);

    /// <summary>True when <paramref name="word"/> starts or is part of a synonym term (it must not be "spell-corrected").</summary>
    public bool Knows(string word) => phrasesByFirstWord.ContainsKey(word) || groupOfPhrase.ContainsKey(word);

    /// <summary>
    /// The longest synonym term starting at <paramref name="start"/> in <paramref name="words"/>: how many words it spans
    /// and every term of its group (the matched one first). Zero words when nothing matches.
    /// </summary>
    public (int WordCount, IReadOnlyList<string> Terms) MatchAt(IReadOnlyList<string> words, int start)
    {
        if (!phrasesByFirstWord.TryGetValue(words[start], out var phrases))
        {
            return (0, []);
        }

        foreach (var phrase in phrases)
        {
            if (start + phrase.Length > words.Count)
            {
                continue;
            }

            var matches = true;
            for (var i = 1; i < phrase.Length && matches; i++)
            {
                matches = string.Equals(words[start + i], phrase[i], StringComparison.Ordinal);
            }

            if (matches)
            {
                var matched = string.Join(' ', phrase);
                var group = groups[groupOfPhrase[matched]];
                return (phrase.Length, [matched, .. group.Where(t => !string.Equals(t, matched, StringComparison.Ordinal))]);
            }
        }

        return (0, []);
    }
}
