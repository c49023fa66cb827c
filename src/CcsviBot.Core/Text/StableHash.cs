namespace CcsviBot.Core.Text;

/// <summary>
/// FNV-1a over a string's UTF-16 code units: the same value in every process (string.GetHashCode is randomised per
/// process), for structures built from content that must come out the same each time.
/// </summary>
public static class StableHash
{
    public static uint Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
