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
    /// <remarks>
    /// Words are read as spans of each text's normal form and counted once per entry by remembering the last entry that
    /// counted them: a large corpus's answers hold millions of words, and a string per word plus a set per entry cleared
    /// at the size of the longest answer cost most of this dictionary's build. Words keep the order they first appear in.
    /// </remarks>
    public static SpellingDictionary Of(IReadOnlyList<FaqEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = indexOf.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = new List<string>();
        var frequencies = new List<int>();
        var lastEntry = new List<int>();
        void Count(string text, int entry)
        {
            var normal = TextNormalizer.Normalize(text).AsSpan();
            foreach (var range in normal.Split(' '))
            {
                var word = normal[range];
                if (word.IsEmpty)
                {
                    continue;
                }

                if (!lookup.TryGetValue(word, out var i))
                {
                    i = words.Count;
                    var added = word.ToString();
                    indexOf.Add(added, i);
                    words.Add(added);
                    frequencies.Add(0);
                    lastEntry.Add(-1);
                }

                if (lastEntry[i] != entry)
                {
                    lastEntry[i] = entry;
                    frequencies[i]++;
                }
            }
        }

        for (var e = 0; e < entries.Count; e++)
        {
            var entry = entries[e];
            Count(entry.Question, e);
            foreach (var alternate in entry.Alternates)
            {
                Count(alternate, e);
            }

            Count(entry.Answer, e);
        }

        return new SpellingDictionary(words.Zip(frequencies));
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
