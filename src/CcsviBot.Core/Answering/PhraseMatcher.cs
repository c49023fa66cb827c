using System.Collections.Frozen;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Answering;

/// <summary>
/// Finds maintainers' phrases (safety, small talk) in a message as whole words: case- and punctuation-insensitive,
/// tolerant of an inflection ("ending" for "end", "droopy" for "drooping"), a small typo in longer words and, for
/// <see cref="Contains"/>, of other small words around the phrase's content words ("one side of my body went numb"
/// matches "one side of my body is numb").
/// </summary>
internal static class PhraseMatcher
{
    private const int MaxGapWords = 2;
    private const int SharedStemLength = 5;
    private const int MaxEndingLength = 3;

    public static bool WordMatches(string phraseWord, string word)
    {
        if (string.Equals(phraseWord, word, StringComparison.Ordinal))
        {
            return true;
        }

        // Every looser rule below needs the same first letter, or the first two swapped: one cheap test rejects most pairs.
        if (word.Length == 0 || phraseWord.Length == 0
            || (word[0] != phraseWord[0] && !(word.Length > 1 && phraseWord.Length > 1 && word[0] == phraseWord[1] && word[1] == phraseWord[0])))
        {
            return false;
        }

        if (phraseWord.Length >= 3 && word.Length > phraseWord.Length && word.StartsWith(phraseWord, StringComparison.Ordinal)
            && IsInflection(word.AsSpan(phraseWord.Length)))
        {
            return true;
        }

        if (word.Length >= 4 && phraseWord.Length > word.Length && phraseWord.StartsWith(word, StringComparison.Ordinal)
            && IsInflection(phraseWord.AsSpan(word.Length)))
        {
            return true;
        }

        var shared = word.AsSpan().CommonPrefixLength(phraseWord);
        if (shared >= SharedStemLength && word.Length - shared <= MaxEndingLength && phraseWord.Length - shared <= MaxEndingLength)
        {
            return true;
        }

        var allowed = phraseWord.Length >= 9 ? 2 : phraseWord.Length >= 5 ? 1 : 0;
        return allowed > 0
            && Math.Abs(word.Length - phraseWord.Length) <= allowed
            && EditDistance.Bounded(phraseWord, word, allowed) <= allowed;
    }

    /// <summary>
    /// The words that must occur, in order, for <paramref name="phrase"/> to match loosely: all but the optional ones
    /// (articles, possessives, forms of "be" and "have") when at least two remain, otherwise all its words ("can't breathe").
    /// Not the retrieval stop words: those drop words that carry the danger ("having a heart attack" would shrink to
    /// "heart attack" and catch "what causes heart attack").
    /// </summary>
    public static string[] Essential(string[] phrase)
    {
        var content = phrase.Where(w => !OptionalWords.Contains(w)).ToArray();
        return content.Length >= 2 ? content : phrase;
    }

    private static readonly FrozenSet<string> OptionalWords = new[]
    {
        "a", "an", "the", "my", "your", "his", "her", "their", "our", "its",
        "i", "im", "me", "is", "am", "are", "was", "were", "be", "been", "being", "has", "have", "had", "up", "just", "really", "very",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when the <paramref name="phrase"/> words (see <see cref="Essential"/>) occur in order in <paramref name="words"/>, a few words apart at most.</summary>
    public static bool Contains(IReadOnlyList<string> words, IReadOnlyList<string> phrase)
    {
        if (phrase.Count == 0)
        {
            return false;
        }

        for (var start = 0; start < words.Count; start++)
        {
            if (WordMatches(phrase[0], words[start]) && MatchesFrom(words, start + 1, phrase, 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many words of <paramref name="words"/> from <paramref name="start"/> the phrase covers exactly (no gaps), or 0.</summary>
    public static int MatchLengthAt(IReadOnlyList<string> words, int start, IReadOnlyList<string> phrase)
    {
        if (start + phrase.Count > words.Count)
        {
            return 0;
        }

        for (var i = 0; i < phrase.Count; i++)
        {
            if (!WordMatches(phrase[i], words[start + i]))
            {
                return 0;
            }
        }

        return phrase.Count;
    }

    private static bool MatchesFrom(IReadOnlyList<string> words, int position, IReadOnlyList<string> phrase, int phraseIndex)
    {
        if (phraseIndex == phrase.Count)
        {
            return true;
        }

        for (var gap = 0; gap <= MaxGapWords && position + gap < words.Count; gap++)
        {
            if (WordMatches(phrase[phraseIndex], words[position + gap]) && MatchesFrom(words, position + gap + 1, phrase, phraseIndex + 1))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInflection(ReadOnlySpan<char> suffix) =>
        suffix is "s" or "es" or "ed" or "d" or "ing" or "ly" or "ness";
}
