namespace CcsviBot.Core.Configuration;

/// <summary>
/// Finds the repository's top-level <c>appsettings.json</c>, so that the bot and the command line read the same
/// settings and the same live <c>faq/</c> folder whether they run from the repository root, a project folder or bin/.
/// </summary>
public static class SettingsLocator
{
    public const string FileName = "appsettings.json";

    /// <summary>The nearest folder at or above <paramref name="startDirectories"/> holding appsettings.json next to faq/.</summary>
    public static string? FindSettingsDirectory(params string[] startDirectories)
    {
        foreach (var start in startDirectories)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, FileName)) && Directory.Exists(Path.Combine(dir.FullName, "faq")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>The settings folder for this process: from the working directory first, then from the binaries.</summary>
    public static string? FindForCurrentProcess() =>
        FindSettingsDirectory(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>Resolves a configured path (absolute, or relative to the settings folder).</summary>
    public static string ResolvePath(string path, string? settingsDirectory) =>
        Path.IsPathRooted(path) || settingsDirectory is null ? Path.GetFullPath(path) : Path.GetFullPath(Path.Combine(settingsDirectory, path));
}
