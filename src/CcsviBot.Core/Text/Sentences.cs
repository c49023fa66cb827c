namespace CcsviBot.Core.Text;

/// <summary>
/// The questions of a message, for reading a post (or a headline with its tag line) one question at a time. A full stop ends a sentence only
/// before a space or the end of the text, and not after a single letter (an initial or an abbreviation: "U.S.",
/// "U.K.", "e.g.") or a title ("Dr. Zamboni"), so "the U.S., the U.K." and "1.5 mg" stay whole: a fragment of a few
/// common words asks nothing.
/// A question in quotation marks is the question: in 'How do you answer the question, "What is MS?"' or 'People ask
/// me, "Why is it so hard to get the treatment?"' the words before the quote only say who asks.
/// </summary>
public static class Sentences
{
    /// <summary>More questions than this are not read one by one: the limit bounds the work a hostile message causes.</summary>
    public const int Max = 200;

    /// <summary>The first <see cref="Max"/> sentences that end with a question mark, trimmed, with it: what a post asks, in the order it asks.</summary>
    public static List<string> Questions(string text)
    {
        var sentences = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return sentences;
        }

        var start = 0;
        for (var i = 0; i <= text.Length && sentences.Count < Max; i++)
        {
            if (i < text.Length && !EndsSentence(text, i))
            {
                continue;
            }

            var sentence = text.AsSpan(start, i - start).Trim();
            var quote = LastOpeningQuote(sentence);
            var quoted = quote > 0 ? sentence[(quote + 1)..].Trim() : [];
            sentence = !quoted.IsEmpty && char.IsLetter(quoted[0]) ? quoted : sentence;
            // A closing quote left after the question mark ("What is MS?"?) asks nothing.
            if (i < text.Length && text[i] == '?' && ContainsLetterOrDigit(sentence))
            {
                sentences.Add(string.Concat(sentence, "?"));
            }

            start = i + 1;
        }

        return sentences;
    }

    /// <summary>
    /// Where a quotation opens that is still open at the end of the sentence (its question mark comes before the closing
    /// mark), or -1: "the \"liberation\" treatment" quotes a word, not the question.
    /// </summary>
    private static int LastOpeningQuote(ReadOnlySpan<char> sentence)
    {
        var opening = -1;
        for (var i = 0; i < sentence.Length; i++)
        {
            opening = sentence[i] switch
            {
                '\u201C' or '\u00AB' => i,
                '\u201D' or '\u00BB' => -1,
                '"' => opening < 0 ? i : -1,
                _ => opening,
            };
        }

        return opening;
    }

    private static bool ContainsLetterOrDigit(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsSentence(string text, int i) => text[i] switch
    {
        '!' or '?' or ';' or '\n' or '\r' or '\u2026' => true,
        '.' => (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && !AfterSingleLetter(text, i) && !AfterTitle(text, i),
        _ => false,
    };

    // A title before a name ("Dr. Zamboni", "Prof. Haacke") is not a sentence's end. "Ms." is left out: "I have MS." is.
    private static bool AfterTitle(string text, int stop)
    {
        var start = stop;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        var word = text.AsSpan(start, stop - start);
        return IsTitle(word, "dr") || IsTitle(word, "drs") || IsTitle(word, "mr") || IsTitle(word, "mrs") || IsTitle(word, "prof") || IsTitle(word, "vs");
    }

    private static bool IsTitle(ReadOnlySpan<char> word, string title) => word.Equals(title, StringComparison.OrdinalIgnoreCase);

    private static bool AfterSingleLetter(string text, int stop) =>
        stop >= 1 && char.IsLetter(text[stop - 1]) && (stop == 1 || !char.IsLetterOrDigit(text[stop - 2]));
}
