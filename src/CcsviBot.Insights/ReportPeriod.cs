using System.Globalization;

namespace CcsviBot.Insights;

/// <summary>Parses report periods such as <c>30d</c>, <c>12h</c> or <c>4w</c>.</summary>
public static class ReportPeriod
{
    public static readonly TimeSpan Default = TimeSpan.FromDays(30);

    public static bool TryParse(string? text, out TimeSpan period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim().ToLowerInvariant();
        if (!int.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        TimeSpan? parsed = trimmed[^1] switch
        {
            'h' when amount <= 24 * 3650 => TimeSpan.FromHours(amount),
            'd' when amount <= 3650 => TimeSpan.FromDays(amount),
            'w' when amount <= 520 => TimeSpan.FromDays(amount * 7),
            _ => null,
        };
        period = parsed.GetValueOrDefault();
        return parsed is not null;
    }

    public const string Format = "a number followed by h (hours), d (days) or w (weeks), e.g. 30d";
}
