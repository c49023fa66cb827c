using System.Collections.Frozen;

namespace CcsviBot.Cli.Teams;

/// <summary>
/// Draws the two icons Teams requires: a 192×192 colour icon (white initials on a rounded square in the accent
/// colour) and a 32×32 outline icon (white outline and initials on a transparent background).
/// </summary>
internal static class TeamsIcons
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    private static readonly (byte R, byte G, byte B) White = (255, 255, 255);

    // 5×7 capitals; '#' is ink. Only what initials need.
    private static readonly FrozenDictionary<char, string[]> Glyphs = new Dictionary<char, string[]>
    {
        ['A'] = [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
        ['B'] = ["####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."],
        ['C'] = [".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."],
        ['D'] = ["####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."],
        ['E'] = ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
        ['F'] = ["#####", "#....", "#....", "####.", "#....", "#....", "#...."],
        ['G'] = [".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"],
        ['H'] = ["#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
        ['I'] = [".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."],
        ['J'] = ["..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."],
        ['K'] = ["#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"],
        ['L'] = ["#....", "#....", "#....", "#....", "#....", "#....", "#####"],
        ['M'] = ["#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"],
        ['N'] = ["#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"],
        ['O'] = [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
        ['P'] = ["####.", "#...#", "#...#", "####.", "#....", "#....", "#...."],
        ['Q'] = [".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"],
        ['R'] = ["####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"],
        ['S'] = [".####", "#....", "#....", ".###.", "....#", "....#", "####."],
        ['T'] = ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
        ['U'] = ["#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
        ['V'] = ["#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."],
        ['W'] = ["#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."],
        ['X'] = ["#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"],
        ['Y'] = ["#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."],
        ['Z'] = ["#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"],
    }.ToFrozenDictionary();

    /// <summary>Up to two initials: capitals and word starts of the name ("CcsviBot" → "CB", "faq helper" → "FH").</summary>
    public static string Initials(string name)
    {
        var letters = name.Where((c, i) => char.IsAsciiLetter(c) && (char.IsUpper(c) || i == 0 || !char.IsLetter(name[i - 1])))
            .Select(char.ToUpperInvariant)
            .Take(2)
            .ToArray();
        return letters.Length > 0 ? new string(letters) : "CB";
    }

    public static byte[] Color(string initials, (byte R, byte G, byte B) accent)
    {
        var image = new PngImage(ColorSize, ColorSize);
        FillRoundedSquare(image, inset: 0, radius: 36, accent);
        DrawText(image, initials, scale: 12, White);
        return image.ToPng();
    }

    public static byte[] Outline(string initials)
    {
        var image = new PngImage(OutlineSize, OutlineSize);
        // A 2-pixel ring: the outer rounded square minus a smaller inner one.
        for (var y = 0; y < OutlineSize; y++)
        {
            for (var x = 0; x < OutlineSize; x++)
            {
                var outer = Coverage(x, y, OutlineSize, inset: 1, radius: 7);
                var inner = Coverage(x, y, OutlineSize, inset: 3, radius: 5);
                image.Blend(x, y, White, outer - inner);
            }
        }

        DrawText(image, initials, scale: 2, White);
        return image.ToPng();
    }

    private static void FillRoundedSquare(PngImage image, int inset, int radius, (byte R, byte G, byte B) color)
    {
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                image.Blend(x, y, color, Coverage(x, y, image.Width, inset, radius));
            }
        }
    }

    // Fraction of pixel (x, y) inside a rounded square, by 4×4 supersampling: smooth corners without a library.
    private static double Coverage(int x, int y, int size, int inset, int radius)
    {
        var inside = 0;
        for (var sy = 0; sy < 4; sy++)
        {
            for (var sx = 0; sx < 4; sx++)
            {
                var px = x + ((sx + 0.5) / 4);
                var py = y + ((sy + 0.5) / 4);
                var low = inset + radius;
                var high = size - inset - radius;
                var cx = Math.Clamp(px, low, high);
                var cy = Math.Clamp(py, low, high);
                if (px >= inset && py >= inset && px <= size - inset && py <= size - inset
                    && ((px - cx) * (px - cx)) + ((py - cy) * (py - cy)) <= radius * radius)
                {
                    inside++;
                }
            }
        }

        return inside / 16.0;
    }

    private static void DrawText(PngImage image, string text, int scale, (byte R, byte G, byte B) color)
    {
        var glyphs = text.Where(Glyphs.ContainsKey).Select(c => Glyphs[c]).ToList();
        var width = ((glyphs.Count * 6) - 1) * scale; // 5 columns per glyph plus a 1-column gap
        var left = (image.Width - width) / 2;
        var top = (image.Height - (7 * scale)) / 2;
        for (var g = 0; g < glyphs.Count; g++)
        {
            for (var row = 0; row < 7; row++)
            {
                for (var column = 0; column < 5; column++)
                {
                    if (glyphs[g][row][column] != '#')
                    {
                        continue;
                    }

                    for (var dy = 0; dy < scale; dy++)
                    {
                        for (var dx = 0; dx < scale; dx++)
                        {
                            image.Blend(left + (((g * 6) + column) * scale) + dx, top + (row * scale) + dy, color, 1);
                        }
                    }
                }
            }
        }
    }
}
