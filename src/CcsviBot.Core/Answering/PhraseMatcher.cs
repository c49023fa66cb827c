using CcsviBot.Core.Text;

namespace CcsviBot.Core.Answering;

/// <summary>
/// Finds maintainers' phrases (safety, small talk) in a message as whole words: case- and punctuation-insensitive,
/// tolerant of an inflection ("bleeding" for "bleed"), a small typo in longer words, and one extra word in between.
/// </summary>
internal sealed class PhraseMatcher
{
    private const int MaxGapWords = 1;

    public static bool WordMatches(string phraseWord, string word)
    {
        if (string.Equals(phraseWord, word, StringComparison.Ordinal))
        {
            return true;
        }

        if (phraseWord.Length >= 4 && word.Length > phraseWord.Length && word.StartsWith(phraseWord, StringComparison.Ordinal)
            && IsInflection(word.AsSpan(phraseWord.Length)))
        {
            return true;
        }

        if (word.Length >= 4 && phraseWord.Length > word.Length && phraseWord.StartsWith(word, StringComparison.Ordinal)
            && IsInflection(phraseWord.AsSpan(word.Length)))
        {
            return true;
        }

        var allowed = phraseWord.Length >= 9 ? 2 : phraseWord.Length >= 5 ? 1 : 0;
        return allowed > 0 && EditDistance.Bounded(phraseWord, word, allowed) <= allowed;
    }

    /// <summary>True when <paramref name="phrase"/> (normal-form words) occurs in <paramref name="words"/>.</summary>
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
