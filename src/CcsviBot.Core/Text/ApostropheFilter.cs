using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace CcsviBot.Core.Text;

/// <summary>
/// Removes the apostrophes and combining marks left inside a word after <see cref="Lucene.Net.Analysis.En.EnglishPossessiveFilter"/>
/// and <see cref="Lucene.Net.Analysis.Miscellaneous.ASCIIFoldingFilter"/> ("don't" → "dont"), in place, and drops a word
/// that was nothing else. Hand-written because Lucene's PatternReplaceFilter makes a string of every word to run its
/// regular expression on, which cost the index build of the 16k corpus about a fifth of its time.
/// </summary>
internal sealed class ApostropheFilter : TokenFilter
{
    private readonly ICharTermAttribute term;

    public ApostropheFilter(TokenStream input)
        : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        while (m_input.IncrementToken())
        {
            var buffer = term.Buffer;
            var length = term.Length;
            var kept = 0;
            for (var i = 0; i < length; i++)
            {
                var c = buffer[i];
                if (!IsDropped(c))
                {
                    buffer[kept++] = c;
                }
            }

            if (kept > 0)
            {
                term.Length = kept;
                return true;
            }
        }

        return false;
    }

    internal static bool IsApostrophe(int c) => c is '\'' or '\u2019' or '\u2018' or '`';

    private static bool IsDropped(char c) =>
        IsApostrophe(c) || (c >= 0x300 && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);
}
