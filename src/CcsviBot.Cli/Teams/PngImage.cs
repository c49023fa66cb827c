using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CcsviBot.Cli.Teams;

/// <summary>
/// A small RGBA canvas written as PNG with nothing but System.IO.Compression (no image library): the Teams app icons
/// are simple enough to draw in code, which keeps binary files out of the repository.
/// </summary>
internal sealed class PngImage
{
    private readonly byte[] rgba;

    public PngImage(int width, int height)
    {
        Width = width;
        Height = height;
        rgba = new byte[width * height * 4];
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>Blends a colour over pixel (x, y) with the given coverage (0–1); pixels outside are ignored.</summary>
    public void Blend(int x, int y, (byte R, byte G, byte B) color, double coverage)
    {
        if (x < 0 || y < 0 || x >= Width || y >= Height || coverage <= 0)
        {
            return;
        }

        var i = ((y * Width) + x) * 4;
        var a = Math.Min(coverage, 1);
        var existing = rgba[i + 3] / 255.0;
        var outAlpha = a + (existing * (1 - a));
        byte Mix(byte over, byte under) => (byte)Math.Round(((over * a) + (under * existing * (1 - a))) / outAlpha);
        rgba[i] = Mix(color.R, rgba[i]);
        rgba[i + 1] = Mix(color.G, rgba[i + 1]);
        rgba[i + 2] = Mix(color.B, rgba[i + 2]);
        rgba[i + 3] = (byte)Math.Round(outAlpha * 255);
    }

    public byte[] ToPng()
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bits per channel
        header[9] = 6; // colour type: truecolour with alpha
        WriteChunk(png, "IHDR", header);

        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var y = 0; y < Height; y++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(rgba, y * Width * 4, Width * 4);
            }
        }

        WriteChunk(png, "IDAT", pixels.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }

    // PNG's CRC-32 (ISO 3309, polynomial 0xEDB88320), bitwise: icons are tiny, a table would be wasted code.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
