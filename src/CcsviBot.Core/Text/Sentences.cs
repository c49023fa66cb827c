namespace CcsviBot.Core.Text;

/// <summary>
/// The questions of a message, for reading a long post one question at a time. A full stop ends a sentence only
/// before a space or the end of the text, and not after a single letter (an initial or an abbreviation: "U.S.",
/// "U.K.", "e.g."), so "the U.S., the U.K." and "1.5 mg" stay whole: a fragment of a few common words asks nothing.
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
            if (!sentence.IsEmpty && i < text.Length && text[i] == '?')
            {
                sentences.Add(string.Concat(sentence, "?"));
            }

            start = i + 1;
        }

        return sentences;
    }

    private static bool EndsSentence(string text, int i) => text[i] switch
    {
        '!' or '?' or ';' or '\n' or '\r' or '\u2026' => true,
        '.' => (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && !AfterSingleLetter(text, i),
        _ => false,
    };

    private static bool AfterSingleLetter(string text, int stop) =>
        stop >= 1 && char.IsLetter(text[stop - 1]) && (stop == 1 || !char.IsLetterOrDigit(text[stop - 2]));
}
