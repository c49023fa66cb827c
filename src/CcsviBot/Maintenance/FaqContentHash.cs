using System.Security.Cryptography;
using System.Text;
using CcsviBot.Core.Answering;

namespace CcsviBot.Maintenance;

/// <summary>
/// A hash of the FAQ files' names and bytes, the same on every instance that serves the same content (unlike the
/// version number, which each instance counts itself). Computed once per published version.
/// </summary>
public sealed class FaqContentHash(FaqReloader reloader, IKnowledgeBaseProvider knowledgeBases)
{
    // A reference, so a reader never sees half of an update.
    private volatile Tuple<long, string>? _last;

    /// <summary>The served version and its content hash; (null, null) while nothing is served.</summary>
    public (long? Version, string? Hash) Current()
    {
        KnowledgeBase current;
        try
        {
            current = knowledgeBases.Current;
        }
        catch (KnowledgeBaseUnavailableException)
        {
            return (null, null);
        }

        if (_last is { } known && known.Item1 == current.Version)
        {
            return (known.Item1, known.Item2);
        }

        var hash = Compute(reloader.FaqPath);
        _last = Tuple.Create(current.Version, hash);
        return (current.Version, hash);
    }

    public static string Compute(string path)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : File.Exists(path) ? [path] : [];
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(Directory.Exists(path) ? path : Path.GetDirectoryName(path)!, file).Replace('\\', '/') + "\n"));
            try
            {
                sha.AppendData(File.ReadAllBytes(file));
            }
            catch (IOException)
            {
                // A file replaced while it was read: the next version's hash settles it.
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }
}
