namespace CcsviBot.Core.Text;

/// <summary>The sentences of a message, for reading a long post one sentence at a time (the safety screen, the answering).</summary>
public static class Sentences
{
    /// <summary>More sentences than this are not read one by one: the limit bounds the work a hostile message causes.</summary>
    public const int Max = 200;

    private static readonly char[] Ends = ['.', '!', '?', ';', '\n', '\r', '\u2026'];

    /// <summary>The sentences, trimmed, without empty ones; at most <see cref="Max"/>.</summary>
    public static string[] Split(string text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split(Ends, Max + 1, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(Max).ToArray();

    /// <summary>The sentences that end with a question mark, with it: what a post asks, in the order it asks.</summary>
    public static List<string> Questions(string text)
    {
        var questions = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return questions;
        }

        var start = 0;
        for (var i = 0; i < text.Length && questions.Count < Max; i++)
        {
            if (Array.IndexOf(Ends, text[i]) < 0)
            {
                continue;
            }

            if (text[i] == '?')
            {
                var question = text[start..(i + 1)].Trim();
                if (question.Length > 1)
                {
                    questions.Add(question);
                }
            }

            start = i + 1;
        }

        return questions;
    }
}
