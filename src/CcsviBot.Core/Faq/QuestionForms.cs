using System.Text.RegularExpressions;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Faq;

/// <summary>
/// The word-for-word forms of an entry's main question. A question that gives a name with its abbreviation in brackets
/// ("What is multiple sclerosis (MS)?") is asked with either name alone: "what is ms" and "what is multiple sclerosis"
/// are that question, not paraphrases of it, and get its entry as surely as the question itself. Only the main
/// question is read so: alternates are phrasings the maintainers wrote out in full, each already one form.
/// </summary>
internal static partial class QuestionForms
{
    /// <summary>Every form in which a visitor asks the entry word for word: its main question's forms, then its alternates.</summary>
    public static IEnumerable<string> OfEntry(FaqEntry entry) => Of(entry.Question).Concat(entry.Alternates.Select(TextNormalizer.Normalize));

    /// <summary>The question's normal form, then the form with each name alone when it gives a name and its abbreviation.</summary>
    public static IEnumerable<string> Of(string question)
    {
        yield return TextNormalizer.Normalize(question);
        var bracket = Abbreviation().Match(question);
        if (!bracket.Success)
        {
            yield break;
        }

        var before = TextNormalizer.Words(question[..bracket.Index]);
        var after = TextNormalizer.Normalize(question[(bracket.Index + bracket.Length)..]);
        var abbreviation = bracket.Groups[1].Value.ToLowerInvariant();
        // The name is the words just before the bracket whose initials spell the abbreviation: "multiple sclerosis (MS)".
        var nameStart = before.Length - abbreviation.Length;
        if (nameStart < 0 || !before.Skip(nameStart).Select(word => word[0]).SequenceEqual(abbreviation))
        {
            yield break;
        }

        yield return string.Join(' ', before.Append(after).Where(part => part.Length > 0));
        yield return string.Join(' ', before.Take(nameStart).Append(abbreviation).Append(after).Where(part => part.Length > 0));
    }

    [GeneratedRegex(@"\(\s*(\p{L}{2,8})\s*\)")]
    private static partial Regex Abbreviation();
}
