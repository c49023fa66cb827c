using System.Globalization;
using System.Text;

namespace CcsviBot.Core.Text;

/// <summary>
/// One normal form for everything that is matched: lower case, no diacritics, and every run of characters that is
/// not a letter or digit (punctuation, control characters, emoji, query operators) collapsed into one space.
/// The index stores the same normal form, so the user's words and the index's tokens always line up.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (System.Text.Ascii.IsValid(text))
        {
            return NormalizeAscii(text);
        }

        // FormKD also folds ligatures and full-width letters into their plain forms.
        var decomposed = SafeDecompose(text);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        for (var i = 0; i < decomposed.Length; i++)
        {
            var c = decomposed[i];
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (IsApostrophe(c))
            {
                // "zamboni's" → "zamboni", "don't" → "dont": an apostrophe never splits a word.
                if (i + 1 < decomposed.Length && (decomposed[i + 1] is 's' or 'S') && (i + 2 >= decomposed.Length || !char.IsLetterOrDigit(decomposed[i + 2])))
                {
                    i++;
                }

                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The words of <paramref name="text"/> in normal form.</summary>
    public static string[] Words(string? text)
    {
        var normal = Normalize(text);
        return normal.Length == 0 ? [] : normal.Split(' ');
    }

    /// <summary>The same rules as <see cref="Normalize"/> for plain ASCII (most text), without Unicode decomposition.</summary>
    private static string NormalizeAscii(string text)
    {
        var buffer = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9' or >= 'A' and <= 'Z')
            {
                if (pendingSpace && length > 0)
                {
                    buffer[length++] = ' ';
                }

                pendingSpace = false;
                buffer[length++] = c >= 'A' ? (char)(c | 0x20) : c;
            }
            else if (IsApostrophe(c))
            {
                if (i + 1 < text.Length && (text[i + 1] is 's' or 'S') && (i + 2 >= text.Length || !char.IsAsciiLetterOrDigit(text[i + 2])))
                {
                    i++;
                }
            }
            else
            {
                pendingSpace = true;
            }
        }

        return new string(buffer[..length]);
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`';

    private static string SafeDecompose(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            // Lone surrogates make Normalize throw; they carry no words, so drop them and try again.
            var builder = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(text[i]).Append(text[i + 1]);
                    i++;
                }
                else if (!char.IsSurrogate(text[i]))
                {
                    builder.Append(text[i]);
                }
            }

            return builder.ToString().Normalize(NormalizationForm.FormKD);
        }
    }
}
