using System.Globalization;

namespace CcsviBot.Core.Text;

/// <summary>A count with its noun in the right number ("1 word", "2 words"), for messages people read.</summary>
public static class Counted
{
    /// <summary><paramref name="plural"/> defaults to the singular plus "s".</summary>
    public static string Of(int count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");
}
