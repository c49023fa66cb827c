using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace CcsviBot.Insights;

/// <summary>
/// Removes obvious personal data from a visitor's question before it is stored: e-mail addresses (also spelled out,
/// "john dot smith at example dot com", and in full-width forms), phone numbers, long digit runs (ids, card or
/// insurance numbers), street addresses and postcodes, and names introduced by the usual phrasings ("my name is",
/// "I am", "I'm", "this is Dr.", "call me", a sign-off), whatever apostrophe is typed.
/// It errs towards redacting: a lost digit in a question costs less than a stored phone number. The labelled list in
/// the tests (precision and recall) keeps it honest, and medical words are never taken for names.
/// </summary>
public static partial class PersonalDataRedactor
{
    public const string EmailMark = "[email]";
    public const string PhoneMark = "[phone]";
    public const string NumberMark = "[number]";
    public const string NameMark = "[name]";
    public const string AddressMark = "[address]";

    /// <summary>Stored questions are cut here; nobody groups or reads questions longer than a paragraph.</summary>
    public const int MaxStoredLength = 500;

    // Capitalised words that follow "I am" / "this is" without being names: feelings, states, sentence words, and the
    // FAQ's own vocabulary (a capitalised diagnosis must never turn into [name]).
    private static readonly FrozenSet<string> NotNames = new[]
    {
        "a", "an", "the", "not", "so", "very", "really", "just", "still", "also", "now", "here", "there", "new", "sure", "in", "on", "at",
        "from", "with", "without", "about", "after", "before", "currently", "being", "getting", "going", "trying", "looking", "taking",
        "having", "thinking", "wondering", "asking", "considering", "interested", "worried", "scared", "afraid", "confused", "frightened",
        "anxious", "desperate", "tired", "exhausted", "sick", "ill", "unwell", "fine", "ok", "okay", "well", "better", "worse", "pregnant",
        "diagnosed", "newly", "recently", "relapsing", "disabled", "paralysed", "paralyzed", "numb", "dizzy", "old", "young", "male",
        "female", "married", "single", "retired", "unemployed", "british", "american", "canadian", "german", "italian", "polish", "irish",
        "english", "scottish", "welsh", "australian", "a nurse", "nurse", "doctor", "patient", "carer", "caregiver", "student", "teacher",
        "mother", "father", "mum", "mom", "dad", "wife", "husband", "it", "this", "that", "what", "why", "how", "true", "false", "right",
        "wrong", "normal", "serious", "dangerous", "safe", "real", "important", "urgent", "crazy", "weird", "strange", "bad", "good",
        "great", "terrible", "awful", "scary", "ccsvi", "ms", "rrms", "ppms", "spms", "cis", "mri", "nhs", "nice", "fda", "liberation",
        "venoplasty", "angioplasty", "stenting", "stented", "multiple", "sclerosis", "chronic", "cerebrospinal", "venous", "insufficiency",
        "ocrevus", "tysabri", "copaxone", "tecfidera", "gilenya", "lemtrada", "kesimpta", "mavenclad", "avonex", "rebif", "interferon",
        "hsct", "dmt", "i", "english", "no", "yes", "please", "hi", "hello", "thanks", "sorry", "back", "due", "off", "out", "over",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var redacted = Normalize(text);
        redacted = EmailPattern().Replace(redacted, EmailMark);
        redacted = SpelledEmailPattern().Replace(redacted, EmailMark);
        redacted = StreetAddressPattern().Replace(redacted, AddressMark);
        redacted = PostcodePattern().Replace(redacted, AddressMark);
        redacted = PhonePattern().Replace(redacted, match => IsYearRange(match.Value) ? match.Value : PhoneMark);
        redacted = LongDigitRunPattern().Replace(redacted, NumberMark);
        redacted = NamePattern().Replace(redacted, match => match.Groups["intro"].Value + NameMark);
        redacted = IntroducedNamePattern().Replace(redacted, RedactIntroducedName);
        redacted = SignOffPattern().Replace(redacted, match => IsName(match.Groups["first"].Value) ? match.Groups["intro"].Value + NameMark + match.Groups["end"].Value : match.Value);
        redacted = redacted.Trim();
        return redacted.Length <= MaxStoredLength ? redacted : redacted[..MaxStoredLength];
    }

    /// <summary>
    /// Compatibility forms folded (NFKC: full-width "＠" and digits become "@" and digits) and every apostrophe made
    /// one, so that each pattern is written once.
    /// </summary>
    private static string Normalize(string text)
    {
        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        return ApostrophePattern().Replace(folded, "'");
    }

    private static string RedactIntroducedName(Match match)
    {
        var title = match.Groups["title"];
        return title.Success || IsName(match.Groups["first"].Value) ? match.Groups["intro"].Value + title.Value + NameMark : match.Value;
    }

    private static bool IsName(string word) => word.Length > 1 && !NotNames.Contains(word) && !word.All(char.IsUpper);

    // "1990-2010" and "2010 – 2015" are periods, not phone numbers.
    private static bool IsYearRange(string value) => YearRangePattern().IsMatch(value);

    [GeneratedRegex(@"[\u2018\u2019\u201B\u02BC\u02B9\u2032\u00B4\u0060\uFF07]", RegexOptions.CultureInvariant)]
    private static partial Regex ApostrophePattern();

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+\s*@\s*[\p{L}\p{N}.-]+\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // "john dot smith at example dot com", "anna.b (at) mail (dot) org", "peter[at]example[dot]co[dot]uk": an "at" word
    // and at least one "dot" after it, ending on a top-level domain of letters.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])[\p{L}\p{N}_%+-]+(?:(?:\s*\.\s*|\s+dot\s+|\s*[\[(]\s*dot\s*[\])]\s*)[\p{L}\p{N}_%+-]+)*(?:\s+at\s+|\s*[\[(]\s*at\s*[\])]\s*)[\p{L}\p{N}-]+(?:(?:\s*\.\s*|\s+dot\s+|\s*[\[(]\s*dot\s*[\])]\s*)[\p{L}\p{N}-]+)*(?:\s*\.\s*|\s+dot\s+|\s*[\[(]\s*dot\s*[\])]\s*)(?:com|org|net|edu|gov|info|co|uk|de|fr|it|es|nl|ca|au|ie|ch|at|be|pl|se|no|dk|us|io|me)(?![\p{L}\p{N}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SpelledEmailPattern();

    // "12 High Street", "221B Baker St.", "4 Harley Road", "Flat 2, 10 Church Lane", "Hauptstraße 5".
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:(?:flat|apt\.?|apartment|unit)\s*\d+[a-z]?,?\s+)?\d{1,5}[a-z]?,?\s+(?:[\p{L}'-]+\s+){1,3}(?:street|st\.?|road|rd\.?|avenue|ave\.?|lane|ln\.?|drive|close|court|place|boulevard|blvd\.?|crescent|terrace|gardens|square|grove|way)(?![\p{L}])|(?<![\p{L}])[\p{Lu}][\p{L}-]*(?:straße|strasse|str\.|weg|gasse|allee|platz)\s+\d{1,4}[a-z]?(?![\p{L}\p{N}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StreetAddressPattern();

    // UK postcodes ("SW1A 1AA", "M1 1AE").
    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex PostcodePattern();

    // 7 to 15 digits, optionally led by + or 00, with the usual separators between digits.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:\+|00)?\(?\d(?:[ ().\-/]{0,2}\d){6,14}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\d{6,}", RegexOptions.CultureInvariant)]
    private static partial Regex LongDigitRunPattern();

    [GeneratedRegex(@"^(?:19|20)\d\d\s*[-–/]\s*(?:19|20)\d\d$", RegexOptions.CultureInvariant)]
    private static partial Regex YearRangePattern();

    // Phrasings that always introduce a name: the first word after them is taken even in lower case (names are often
    // typed so); following capitalised words are taken too ("my name is Anna Maria Smith").
    [GeneratedRegex(@"(?<intro>\b(?i:my\s+name\s+is|my\s+name's|my\s+names|name's|i'm\s+called|i\s+am\s+called|im\s+called)\s+)(?!\[)(?:(?i:dr|mr|mrs|ms|miss|prof)\.?\s+)?[\p{L}][\p{L}'\-]*(?:\s+\p{Lu}[\p{L}'\-]*){0,3}", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    // Phrasings that introduce a name or something else ("I am worried", "this is MS"): a capitalised word that is not a
    // known non-name, or any word after a title ("this is Dr. Peter Jones", "my neurologist is Dr Smith").
    [GeneratedRegex(@"(?<intro>\b(?i:i\s+am|i'm|im|this\s+is|it's|here\s+is|call\s+me|my\s+(?:neurologist|doctor|gp|surgeon|consultant|nurse|wife|husband|partner|son|daughter|mother|mum|mom|father|dad|sister|brother|friend)(?:'s\s+name)?(?:\s+is|,)?)\s+)(?<title>(?i:dr|mr|mrs|ms|miss|prof|professor|doctor)\.?\s+)?(?<first>\p{Lu}[\p{L}'\-]*)(?:\s+\p{Lu}[\p{L}'\-]*){0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex IntroducedNamePattern();

    // A sign-off at the very end: "Thanks, Lisa", "Kind regards, John Smith.", "- Anna".
    [GeneratedRegex(@"(?<intro>(?:\b(?i:thanks|thank\s+you|many\s+thanks|regards|kind\s+regards|best\s+wishes|best|cheers|love|yours)\s*[,!.]?|(?:^|\s)[-–—])\s*)(?<first>\p{Lu}[\p{L}'\-]*)(?:\s+\p{Lu}[\p{L}'\-]*)?(?<end>\s*[.!]?\s*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SignOffPattern();
}
