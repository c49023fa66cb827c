using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CcsviBot.Maintenance;

/// <summary>
/// A cheap summary of the FAQ source (every file's path, size and write time) that changes whenever a maintainer
/// saves, adds, deletes or restores a file, without reading the files.
/// </summary>
public static class FaqSourceFingerprint
{
    public static string Compute(string path)
    {
        try
        {
            var builder = new StringBuilder();
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    Append(builder, file, Path.GetRelativePath(path, file));
                }
            }
            else if (File.Exists(path))
            {
                Append(builder, path, Path.GetFileName(path));
            }
            else
            {
                return "missing";
            }

            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A folder changing while it is listed: report "changed" and let the next look settle it.
            return "unreadable:" + exception.GetType().Name;
        }
    }

    private static void Append(StringBuilder builder, string file, string name)
    {
        var info = new FileInfo(file);
        if (info.Exists)
        {
            builder.Append(name).Append('|').Append(info.Length.ToString(CultureInfo.InvariantCulture))
                .Append('|').Append(info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
    }
}
