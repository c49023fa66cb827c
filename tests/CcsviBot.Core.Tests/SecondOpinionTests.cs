using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Meaning;
using CcsviBot.Core.Search;

namespace CcsviBot.Core.Tests;

/// <summary>
/// The second opinion from meaning: an answer below <see cref="AnsweringOptions.SecondOpinionBelow"/> is given only when
/// the ranking by meaning agrees on its entry. A fake embedder puts each phrasing on its entry's axis, so the tests
/// decide which entry a question means.
/// </summary>
public sealed class SecondOpinionTests
{
    // The fixture's confidences are low (its model is calibrated on the real FAQ): these thresholds make its word-based
    // answer to the question below an answer, so that only the meaning decides.
    private const string Question = "what is this vein thing ccsvi";
    private static AnsweringOptions Options(double secondOpinionBelow = 1) =>
        new() { AnswerThreshold = 0.3, ClarifyThreshold = 0.1, SecondOpinionBelow = secondOpinionBelow };

    [Fact]
    public void Without_a_meaning_model_the_word_based_answer_is_given()
    {
        using var knowledgeBase = KnowledgeBaseFactory.Default.Build(TestPaths.LoadFixture(), Options(), 1);

        var reply = knowledgeBase.Engine.Ask(Question);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("what-is-ccsvi", reply.Entry!.Id);
        Assert.Equal(MeaningState.Off, knowledgeBase.MeaningState);
    }

    [Fact]
    public void When_the_meaning_agrees_the_answer_stands()
    {
        var embedder = new AxisEmbedder(TestPaths.LoadFixture(), new() { [Question] = "what-is-ccsvi" });
        using var knowledgeBase = Build(embedder, Options());

        var reply = knowledgeBase.Engine.Ask(Question);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("what-is-ccsvi", reply.Entry!.Id);
        Assert.Equal(MeaningState.Ready, knowledgeBase.MeaningState);
    }

    [Fact]
    public void When_the_meaning_puts_another_entry_first_both_are_offered_the_words_choice_first()
    {
        var embedder = new AxisEmbedder(TestPaths.LoadFixture(), new() { [Question] = "liberation-therapy" });
        using var knowledgeBase = Build(embedder, Options());

        var reply = knowledgeBase.Engine.Ask(Question);

        Assert.Equal(ReplyKind.Clarify, reply.Kind);
        Assert.Equal(["what-is-ccsvi", "liberation-therapy"], reply.Candidates.Take(2).Select(e => e.Id));
    }

    [Fact]
    public void A_confident_answer_and_an_entrys_own_question_need_no_second_opinion()
    {
        var embedder = new AxisEmbedder(TestPaths.LoadFixture(), new() { [Question] = "liberation-therapy" });
        using var knowledgeBase = Build(embedder, Options(secondOpinionBelow: 0.3));
        var embeddedWhileBuilding = embedder.Calls;

        Assert.Equal("what-is-ccsvi", knowledgeBase.Engine.Ask(Question).Entry?.Id);
        Assert.Equal("what-is-ccsvi", knowledgeBase.Engine.Ask("What is CCSVI?").Entry?.Id);
        Assert.Equal(embeddedWhileBuilding, embedder.Calls);
    }

    [Fact]
    public async Task While_the_vectors_are_built_the_engine_answers_by_its_words_then_takes_the_second_opinion()
    {
        using var release = new ManualResetEventSlim();
        var embedder = new AxisEmbedder(TestPaths.LoadFixture(), new() { [Question] = "liberation-therapy" }) { Gate = release };
        using var knowledgeBase = Build(embedder, Options(), wait: false);

        Assert.Equal(MeaningState.Building, knowledgeBase.MeaningState);
        Assert.Equal(ReplyKind.Answer, knowledgeBase.Engine.Ask(Question).Kind);

        release.Set();
        await knowledgeBase.MeaningReady.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(MeaningState.Ready, knowledgeBase.MeaningState);
        Assert.Equal(ReplyKind.Clarify, knowledgeBase.Engine.Ask(Question).Kind);
    }

    [Fact]
    public async Task A_failing_model_leaves_the_word_based_answers()
    {
        var embedder = new AxisEmbedder(TestPaths.LoadFixture(), []) { Fails = true };
        using var knowledgeBase = Build(embedder, Options(), wait: false);

        await Assert.ThrowsAnyAsync<Exception>(() => knowledgeBase.MeaningReady.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(MeaningState.Failed, knowledgeBase.MeaningState);
        Assert.Equal("what-is-ccsvi", knowledgeBase.Engine.Ask(Question).Entry?.Id);
    }

    [Fact]
    public void Stored_vectors_of_another_length_are_embedded_again_not_compared()
    {
        var content = TestPaths.LoadFixture();
        var store = new EmbeddingStore();
        store.AddRange("axes", content.Entries.SelectMany(e => e.Alternates.Prepend(e.Question)).Distinct().Select(text => (text, new[] { 1f })));
        var embedder = new AxisEmbedder(content, new() { [Question] = "liberation-therapy" });
        using var knowledgeBase = Build(embedder, Options(), store: store);

        Assert.Equal(ReplyKind.Clarify, knowledgeBase.Engine.Ask(Question).Kind);
        Assert.Equal(content.Entries.Count + 1, store.Get("axes", "What is CCSVI?")!.Length);
    }

    [Fact]
    public void The_settings_of_the_second_opinion_are_checked()
    {
        Assert.NotEmpty(AnsweringOptions.Problems(new AnsweringOptions { SecondOpinionBelow = 1.5 }));
        Assert.NotEmpty(AnsweringOptions.Problems(new AnsweringOptions { MeaningWeight = -1 }));
        Assert.NotEmpty(AnsweringOptions.Problems(new AnsweringOptions { MeaningWeight = double.NaN }));
    }

    private static KnowledgeBase Build(ISentenceEmbedder embedder, AnsweringOptions options, bool wait = true, EmbeddingStore? store = null)
    {
        var knowledgeBase = new KnowledgeBaseFactory(new LuceneFaqIndexBuilder(), embedder, store).Build(TestPaths.LoadFixture(), options, 1);
        if (wait)
        {
            Assert.True(knowledgeBase.MeaningReady.Wait(TimeSpan.FromSeconds(30)), "the vectors were not built in time");
        }

        return knowledgeBase;
    }

    /// <summary>Each entry's phrasings on that entry's axis; a question on the axis of the entry it is said to mean.</summary>
    private sealed class AxisEmbedder(FaqContent content, Dictionary<string, string> questionMeans) : ISentenceEmbedder
    {
        private readonly List<string> axes = content.Entries.Select(e => e.Id).ToList();
        private readonly Dictionary<string, string> phrasingOf = content.Entries
            .SelectMany(e => e.Alternates.Prepend(e.Question).Select(p => (Text: p, e.Id)))
            .DistinctBy(p => p.Text)
            .ToDictionary(p => p.Text, p => p.Id);

        private int calls;

        public ManualResetEventSlim? Gate { get; init; }

        public bool Fails { get; init; }

        public int Calls => Volatile.Read(ref calls);

        public string Model => "axes";

        public float[] Embed(string text, CancellationToken cancellationToken = default)
        {
            Gate?.Wait(cancellationToken);
            if (Fails)
            {
                throw new InvalidOperationException("the model is broken");
            }

            Interlocked.Increment(ref calls);
            var id = questionMeans.FirstOrDefault(q => string.Equals(q.Key, text, StringComparison.OrdinalIgnoreCase)).Value
                ?? phrasingOf.GetValueOrDefault(text);

            var vector = new float[axes.Count + 1];
            vector[id is null ? axes.Count : axes.IndexOf(id)] = 1;
            return vector;
        }
    }
}
