using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Tests;

/// <summary>Where the fixtures, the repository's real faq/ and the shared scale corpus are.</summary>
internal static class TestPaths
{
    public static string FixtureFaq => Path.Combine(AppContext.BaseDirectory, "Fixtures", "faq");

    public static string FixtureJsonLines => Path.Combine(AppContext.BaseDirectory, "Fixtures", "small.jsonl");

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CcsviBot.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("CcsviBot.sln not found above the test binaries");
        }
    }

    public static string RealFaq => Path.Combine(RepositoryRoot, "faq");

    public static string RealEvalQuestions => Path.Combine(RealFaq, "eval", "questions.tsv");

    /// <summary>The 16k-entry corpus: CI keeps shared/ beside the clone; a worktree may be one level deeper.</summary>
    public static string? MedQuad =>
        new[] { Path.Combine(RepositoryRoot, "..", "shared", "bench"), Path.Combine(RepositoryRoot, "..", "..", "shared", "bench") }
            .Select(folder => Path.GetFullPath(Path.Combine(folder, "medquad-faq.jsonl.gz")))
            .FirstOrDefault(File.Exists);

    public static FaqContent LoadFixture()
    {
        var result = FaqLoader.Load(FixtureFaq);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Content!;
    }

    public static KnowledgeBase BuildFixture(AnsweringOptions? options = null) =>
        KnowledgeBaseFactory.Build(LoadFixture(), options ?? new AnsweringOptions(), 1);
}
