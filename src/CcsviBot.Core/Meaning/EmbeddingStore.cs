using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;

namespace CcsviBot.Core.Meaning;

/// <summary>
/// Phrasing vectors kept between snapshots and, with a folder, between runs: one file per model, rewritten whole
/// (to a temporary file, then moved over the old one) whenever vectors are added, so a reader never sees half a file.
/// A file that cannot be read is ignored and rewritten: it is only a cache, and every vector in it can be computed again.
/// Floats are written in the machine's byte order (little-endian on every platform .NET runs the model on).
/// Thread-safe.
/// </summary>
public sealed class EmbeddingStore
{
    private const string Magic = "ccsvibot-vectors-1";
    private readonly string? folder;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, float[]>> byModel = new(StringComparer.Ordinal);
    private readonly Lock saving = new();

    /// <param name="folder">Where the vectors are kept between runs; null keeps them in memory only.</param>
    public EmbeddingStore(string? folder = null) => this.folder = folder;

    /// <summary>The text's vector by the model, or null when it has none.</summary>
    public float[]? Get(string model, string text) => Vectors(model).GetValueOrDefault(text);

    public void AddRange(string model, IEnumerable<(string Text, float[] Vector)> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var known = Vectors(model);
        foreach (var (text, vector) in vectors)
        {
            known[text] = vector;
        }

        if (folder is not null)
        {
            lock (saving)
            {
                Save(model, known);
            }
        }
    }

    private ConcurrentDictionary<string, float[]> Vectors(string model) =>
        byModel.GetOrAdd(model, m => new ConcurrentDictionary<string, float[]>(Load(m), StringComparer.Ordinal));

    private string FileOf(string model) =>
        Path.Combine(folder!, string.Concat(model.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_')) + ".vectors");

    private IEnumerable<KeyValuePair<string, float[]>> Load(string model)
    {
        if (folder is null || !File.Exists(FileOf(model)))
        {
            return [];
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(FileOf(model)), Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadString() != model)
            {
                return [];
            }

            var count = reader.ReadInt32();
            var vectors = new List<KeyValuePair<string, float[]>>(Math.Clamp(count, 0, 1_000_000));
            for (var i = 0; i < count; i++)
            {
                var text = reader.ReadString();
                var vector = new float[reader.ReadInt32()];
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(vector.AsSpan()));

                vectors.Add(new(text, vector));
            }

            return vectors;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException or OverflowException or OutOfMemoryException)
        {
            return [];
        }
    }

    private void Save(string model, ConcurrentDictionary<string, float[]> vectors)
    {
        var path = FileOf(model);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(folder!);
            var snapshot = vectors.ToArray();
            using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(model);
                writer.Write(snapshot.Length);
                foreach (var (text, vector) in snapshot)
                {
                    writer.Write(text);
                    writer.Write(vector.Length);
                    writer.Write(MemoryMarshal.AsBytes(vector.AsSpan()));
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a cache: the vectors stay in memory and are computed again next run.
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file is harmless: it never has the name that is read.
        }
    }
}
