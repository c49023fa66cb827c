using System.Text.RegularExpressions;

namespace CcsviBot.Insights;

/// <summary>
/// Removes obvious personal data from a visitor's question before it is stored: e-mail addresses, phone numbers,
/// long digit runs (ids, card or insurance numbers) and the name after "my name is" / "I'm called".
/// It errs towards redacting: a lost digit in a question costs less than a stored phone number.
/// </summary>
public static partial class PersonalDataRedactor
{
    public const string EmailMark = "[email]";
    public const string PhoneMark = "[phone]";
    public const string NumberMark = "[number]";
    public const string NameMark = "[name]";

    /// <summary>Stored questions are cut here; nobody groups or reads questions longer than a paragraph.</summary>
    public const int MaxStoredLength = 500;

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var redacted = EmailPattern().Replace(text, EmailMark);
        redacted = PhonePattern().Replace(redacted, match => IsYearRange(match.Value) ? match.Value : PhoneMark);
        redacted = LongDigitRunPattern().Replace(redacted, NumberMark);
        redacted = NamePattern().Replace(redacted, match => match.Groups["intro"].Value + NameMark);
        redacted = redacted.Trim();
        return redacted.Length <= MaxStoredLength ? redacted : redacted[..MaxStoredLength];
    }

    // "1990-2010" and "2010 – 2015" are periods, not phone numbers.
    private static bool IsYearRange(string value) => YearRangePattern().IsMatch(value);

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // 7 to 15 digits, optionally led by + or 00, with the usual separators between digits.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:\+|00)?\(?\d(?:[ ().\-/]{0,2}\d){6,14}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\d{6,}", RegexOptions.CultureInvariant)]
    private static partial Regex LongDigitRunPattern();

    [GeneratedRegex(@"^(?:19|20)\d\d\s*[-–/]\s*(?:19|20)\d\d$", RegexOptions.CultureInvariant)]
    private static partial Regex YearRangePattern();

    // The first word after the phrase is always taken (names are often typed in lower case); following capitalised
    // words are taken too ("my name is Anna Maria Smith").
    [GeneratedRegex(@"(?<intro>\b(?i:my\s+name\s+is|my\s+name's|i'm\s+called|i\s+am\s+called|i’m\s+called)\s+)[\p{L}][\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’\-]*){0,3}", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
