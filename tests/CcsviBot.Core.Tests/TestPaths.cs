using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;
using CcsviBot.Testing;

namespace CcsviBot.Core.Tests;

/// <summary>Where the fixtures, the repository's real faq/ and the shared scale corpus are.</summary>
internal static class TestPaths
{
    public static string FixtureFaq => Path.Combine(AppContext.BaseDirectory, "Fixtures", "faq");

    public static string FixtureJsonLines => Path.Combine(AppContext.BaseDirectory, "Fixtures", "small.jsonl");

    public static string RepositoryRoot => RepositoryPaths.Root;

    public static string RealFaq => RepositoryPaths.Faq;

    public static string RealEvalQuestions => Path.Combine(RealFaq, "eval", "questions.tsv");

    public static string? MedQuad => RepositoryPaths.MedQuad;

    public static FaqContent LoadFixture()
    {
        var result = FaqLoader.Load(FixtureFaq);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Content!;
    }

    public static KnowledgeBase BuildFixture(AnsweringOptions? options = null) =>
        KnowledgeBaseFactory.Default.Build(LoadFixture(), options ?? new AnsweringOptions(), 1);
}
