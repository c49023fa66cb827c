using CcsviBot.Core.Configuration;

namespace CcsviBot.Testing;

/// <summary>
/// Where tests and benchmarks find the repository's own faq/ and the scale corpus. One source file, linked into
/// each test project, so that every project looks in the same places.
/// </summary>
internal static class RepositoryPaths
{
    /// <summary>The environment variable that names the scale corpus file.</summary>
    public const string MedQuadVariable = "CCSVIBOT_MEDQUAD";

    public static string Root =>
        SettingsLocator.FindSettingsDirectory(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("appsettings.json and faq/ not found above " + AppContext.BaseDirectory);

    public static string Faq => Path.Combine(Root, "faq");

    /// <summary>
    /// The phrasing vectors of the meaning model, where the bot and the command line keep them (Meaning:VectorFolder):
    /// tests that run the model share them, so only the first run on a machine embeds every phrasing.
    /// </summary>
    public static string Vectors => Path.Combine(Root, "data", "vectors");

    /// <summary>Where the 16k-entry MedQuAD corpus is looked for: $CCSVIBOT_MEDQUAD, else shared/bench/ beside the clone (as CI keeps it).</summary>
    public static string MedQuadPath =>
        Environment.GetEnvironmentVariable(MedQuadVariable) is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "bench", "medquad-faq.jsonl.gz"));

    /// <summary>The corpus file, or null when it is not there (it is not part of the repository).</summary>
    public static string? MedQuad => File.Exists(MedQuadPath) ? MedQuadPath : null;

    /// <summary>Why the MedQuAD corpus measurements are skipped, and how to get the corpus.</summary>
    public static string MedQuadMissing =>
        $"the MedQuAD scale corpus is not at {MedQuadPath}. It is not in the repository: build it from MedQuAD "
        + "(https://github.com/abachaa/MedQuAD, CC BY 4.0; the 16,407 question/answer pairs whose answer text is public), "
        + "one entry per line in the JSON Lines entry shape (id, question, alternates, answer, sources, tags; "
        + "docs/architecture.md), gzipped or not, and set " + MedQuadVariable + " to its path.";
}
