using CcsviBot.Core.Configuration;

namespace CcsviBot.Testing;

/// <summary>
/// Where tests and benchmarks find the repository's own faq/ and the shared scale corpus. One source file, linked into
/// each test project, so that every project looks in the same places.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root =>
        SettingsLocator.FindSettingsDirectory(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("appsettings.json and faq/ not found above " + AppContext.BaseDirectory);

    public static string Faq => Path.Combine(Root, "faq");

    /// <summary>The 16k-entry MedQuAD corpus, or null: CI keeps shared/ beside the clone; a git worktree may sit one level deeper.</summary>
    public static string? MedQuad =>
        new[] { Path.Combine(Root, "..", "shared", "bench"), Path.Combine(Root, "..", "..", "shared", "bench") }
            .Select(folder => Path.GetFullPath(Path.Combine(folder, "medquad-faq.jsonl.gz")))
            .FirstOrDefault(File.Exists);
}
