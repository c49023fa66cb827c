using System.Text.RegularExpressions;

namespace CcsviBot.Core.Text;

/// <summary>
/// What of a visitor's message is the question: without markup ("&lt;b&gt;", "&lt;script&gt;…&lt;/script&gt;"), web
/// addresses, the numbering of a copied list ("Q3:", "11."), a heading's label ("Q&amp;A:") or a letter's address
/// ("Dear Dr. X:"), a request's framing ("tell me about", "I want to learn more about"), and an editor's aside after the
/// question mark ("What is CCSVI? (show the kinds of blockage)"). Left in, their words read as topics the FAQ does not know and
/// lower the confidence of a question it answers. Only the answering reads the cleaned text; the safety screen reads
/// everything the person wrote but a letter's address (<see cref="WithoutLetterAddress"/>).
/// </summary>
public static partial class MessageCleaner
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        try
        {
            var cleaned = WithoutLetterAddress(ScriptOrStyle().Replace(text, " "));
            cleaned = Tag().Replace(cleaned, " ");
            cleaned = WebAddress().Replace(cleaned, " ");
            cleaned = ListNumber().Replace(cleaned, string.Empty);
            cleaned = AsideAfterQuestion().Replace(cleaned, "?");
            cleaned = RequestForInformation().Replace(cleaned, string.Empty);
            return cleaned.Trim();
        }
        catch (RegexMatchTimeoutException)
        {
            // Cleaning only helps; a message too odd to clean in time is answered as written.
            return text;
        }
    }

    /// <summary>
    /// The text without the address of a letter to a doctor at its start ("Dear Dr. Donohue:", "DEAR DOCTORS,"), which
    /// says whom the writer asks, not what about. Other addresses stay: "Dear whoever reads this" can open a farewell.
    /// </summary>
    public static string WithoutLetterAddress(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return LetterAddress().Replace(text, string.Empty);
        }
        catch (RegexMatchTimeoutException)
        {
            return text;
        }
    }

    // Bounded so that a hostile message cannot make the expressions backtrack for long.
    [GeneratedRegex(@"<(script|style)\b[^>]{0,200}>.{0,2000}?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"^\s*(?:dear|hi|hello|to\s+the)\s+(?:drs?\b\.?|doctors?\b)[^:,\n]{0,40}[:,]\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex LetterAddress();

    // A tag starts with a letter or "/" after "<": "<3" and "a < b" are words, not markup.
    [GeneratedRegex(@"</?[a-zA-Z][^<>]{0,200}>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""]{1,2000}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex WebAddress();

    // "Q:", "Q3:", "Q1.", "3.", "11)", "- ", "• " at the start: a copied FAQ heading's numbering; and the label of a
    // heading or a forwarded message ("Q&A:", "FAQ:", "Question:", "Re:", "Opinion:", "Ask the expert:"), which says
    // what kind of text follows, not what it asks about. A topic before a colon ("Angioplasty: is it safe?") stays.
    [GeneratedRegex(@"^\s*(?:Q\s?\d{0,3}\s?[:.)]|\d{1,3}\s?[.):]|[-*•]|(?:Q\s?&\s?A|FAQs?|(?:quick\s)?question|re|fwd?|update|poll|opinion|editorial|commentary|ask\sthe\s(?:expert|doctor|neurologist))\s?:)(?=\s)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ListNumber();

    [GeneratedRegex(@"\?\s*\([^()]{0,300}\)\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex AsideAfterQuestion();

    // A request for information about a topic ("tell me about", "I want to learn more about", "info on"): its words say
    // that the visitor asks, not what about; left in, "learn" and "more" pulled "learn more about ccsvi" to the causes
    // of CCSVI, while "ccsvi" alone is answered with what CCSVI is. Only at the start, and only with a topic after it.
    [GeneratedRegex(@"^\s*(?:(?:can|could|would)\s+you\s+(?:please\s+)?|please\s+)?(?:tell\s+me(?:\s+more)?\s+about|(?:(?:i\s+)?(?:want|would\s+like)\s+to\s+|i\s*['’]?d\s+like\s+to\s+)?(?:learn|know|hear|read)(?:\s+more)?\s+about|(?:i\s+(?:want|need|would\s+like)\s+|i\s*['’]?d\s+like\s+)?(?:some\s+|more\s+|any\s+)?(?:information|info|details)\s+(?:about|on|regarding))\s+(?=\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex RequestForInformation();
}
