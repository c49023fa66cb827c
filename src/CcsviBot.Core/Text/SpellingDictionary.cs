using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Text;

/// <summary>
/// Finds known words within two edits of a misspelt one, SymSpell style: every known word's prefix is indexed
/// once under all its variants with up to two characters deleted, so a lookup only generates the deletions of the
/// misspelt word and verifies the few words they share. Built once per snapshot; immutable and thread-safe.
/// Hand-written, not Lucene's DirectSpellChecker: that one walks the index's term dictionary with a Levenshtein
/// automaton per look-up and ranks by its own string distance, while this look-up is a few binary searches and keeps
/// the engine's rules (transpositions as one edit, nearest then most frequent). Its words are the FAQ's own, unstemmed.
/// </summary>
public sealed class SpellingDictionary : IVocabulary
{
    public const int MaxEdits = 2;

    // Only a prefix is indexed (the SymSpell "prefix length" trick): far fewer deletions, same results after verification.
    private const int PrefixLength = 7;

    private readonly string[] words;
    private readonly int[] frequencies;
    private readonly Dictionary<string, int> indexOfWord;

    // Sorted (hash << 32 | word index): compact, and a lookup is a binary search per deletion.
    private readonly long[] deletionIndex;

    public SpellingDictionary(IEnumerable<(string Word, int Frequency)> vocabulary)
    {
        var list = vocabulary.Where(v => v.Word.Length > 0).ToList();
        words = list.Select(v => v.Word).ToArray();
        frequencies = list.Select(v => v.Frequency).ToArray();
        indexOfWord = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            indexOfWord.TryAdd(words[i], i);
        }

        var entries = new List<long>(words.Length * 16);
        var deletions = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            deletions.Clear();
            AddDeletions(Prefix(words[i]), MaxEdits, deletions);
            foreach (var deletion in deletions)
            {
                entries.Add(((long)Hash(deletion) << 32) | (uint)i);
            }
        }

        deletionIndex = [.. entries];
        Array.Sort(deletionIndex);
    }

    public int Count => words.Length;

    /// <summary>Every word of the entries' questions, alternates and answers, with the number of entries using it.</summary>
    public static SpellingDictionary Of(IReadOnlyList<FaqEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var inEntry = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            inEntry.Clear();
            inEntry.UnionWith(TextNormalizer.Words(entry.Question));
            foreach (var alternate in entry.Alternates)
            {
                inEntry.UnionWith(TextNormalizer.Words(alternate));
            }

            inEntry.UnionWith(TextNormalizer.Words(entry.Answer));
            foreach (var word in inEntry)
            {
                frequencies[word] = frequencies.GetValueOrDefault(word) + 1;
            }
        }

        return new SpellingDictionary(frequencies.Select(f => (f.Key, f.Value)));
    }

    public bool Contains(string word) => indexOfWord.ContainsKey(word);

    public int FrequencyOf(string word) => indexOfWord.TryGetValue(word, out var i) ? frequencies[i] : 0;

    /// <summary>Known words within <paramref name="maxEdits"/> of <paramref name="word"/>: nearest first, then most frequent.</summary>
    public IReadOnlyList<string> Similar(string word, int maxEdits)
    {
        maxEdits = Math.Clamp(maxEdits, 0, MaxEdits);
        if (string.IsNullOrEmpty(word) || word.Length > 64)
        {
            return [];
        }

        var deletions = new HashSet<string>(StringComparer.Ordinal);
        AddDeletions(Prefix(word), maxEdits, deletions);
        var seen = new HashSet<int>();
        var found = new List<(string Word, int Distance, int Frequency)>();
        foreach (var deletion in deletions)
        {
            var hash = Hash(deletion);
            var at = LowerBound((long)hash << 32);
            for (; at < deletionIndex.Length && (deletionIndex[at] >> 32) == hash; at++)
            {
                var candidate = (int)(deletionIndex[at] & 0xFFFFFFFF);
                if (!seen.Add(candidate))
                {
                    continue;
                }

                var distance = EditDistance.Bounded(word, words[candidate], maxEdits);
                if (distance <= maxEdits)
                {
                    found.Add((words[candidate], distance, frequencies[candidate]));
                }
            }
        }

        return found
            .OrderBy(f => f.Distance)
            .ThenByDescending(f => f.Frequency)
            .ThenBy(f => f.Word, StringComparer.Ordinal)
            .Select(f => f.Word)
            .ToList();
    }

    private static string Prefix(string word) => word.Length > PrefixLength ? word[..PrefixLength] : word;

    private static void AddDeletions(string word, int edits, HashSet<string> into)
    {
        into.Add(word);
        if (edits == 0 || word.Length <= 1)
        {
            return;
        }

        for (var i = 0; i < word.Length; i++)
        {
            AddDeletions(word.Remove(i, 1), edits - 1, into);
        }
    }

    private int LowerBound(long key)
    {
        int low = 0, high = deletionIndex.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (deletionIndex[mid] < key)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    // Deterministic across processes, good enough with verification after.
    private static uint Hash(string text) => StableHash.Of(text) & 0x7FFFFFFF;
}
