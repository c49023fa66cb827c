using System.Globalization;
using Lucene.Net.Analysis.Util;

namespace CcsviBot.Core.Text;

/// <summary>
/// Words as <see cref="TextNormalizer"/> sees them: runs of letters and digits; every other character ends a word.
/// Apostrophes and combining marks stay inside a word for the filters after it to remove ("don't" is one word, not
/// "don" and "t"). Lucene's StandardTokenizer would keep "clinicaltrials.gov" and "3.5" whole, unlike the normal form.
/// </summary>
internal sealed class FaqWordTokenizer(TextReader input) : CharTokenizer(FaqAnalyzer.Version, input)
{
    protected override bool IsTokenChar(int c) =>
        ApostropheFilter.IsApostrophe(c)
        || (c < 0x80 ? char.IsAsciiLetterOrDigit((char)c) : IsLetterDigitOrMark(c));

    private static bool IsLetterDigitOrMark(int c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        _ => false,
    };
}
