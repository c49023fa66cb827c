using CcsviBot.Core.Meaning;
using CcsviBot.Meaning;

namespace CcsviBot.Core.Tests;

/// <summary>The packaged MiniLM model itself, loaded as the bot loads it (nothing downloaded).</summary>
public sealed class MiniLmEmbedderTests
{
    [Fact]
    public void A_rewording_lies_closer_than_another_topic_and_vectors_have_unit_length()
    {
        using var embedder = new MiniLmEmbedder();

        var question = embedder.Embed("How is CCSVI treated?");
        var rewording = embedder.Embed("What treatments exist for narrowed neck veins in MS?");
        var other = embedder.Embed("What time does the bakery open on Sundays?");

        Assert.Equal(384, question.Length);
        Assert.Equal(1, VectorMath.Dot(question, question), 3);
        Assert.True(VectorMath.Dot(question, rewording) > VectorMath.Dot(question, other) + 0.2,
            $"rewording {VectorMath.Dot(question, rewording):0.000}, other topic {VectorMath.Dot(question, other):0.000}");
    }

    [Fact]
    public void A_question_asked_again_gets_the_same_vector_with_or_without_the_cache()
    {
        using var cached = new MiniLmEmbedder();
        using var uncached = new MiniLmEmbedder(cachedQuestions: 0);

        Assert.Same(cached.Embed("is venoplasty safe"), cached.Embed("is venoplasty safe"));
        Assert.Equal(cached.Embed("is venoplasty safe"), uncached.Embed("is venoplasty safe"), new ToleranceComparer(1e-5f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiniLmEmbedder(cachedQuestions: -1));
    }

    [Fact]
    public void A_message_at_the_length_limit_is_embedded()
    {
        using var embedder = new MiniLmEmbedder(cachedQuestions: 0);
        var longest = string.Join(' ', Enumerable.Repeat("is the vein treatment for ccsvi safe", 60))[..new Core.Answering.AnsweringOptions().MaxQuestionLength];

        var vector = embedder.Embed(longest);

        Assert.Equal(384, vector.Length);
        Assert.Equal(1, VectorMath.Dot(vector, vector), 3);
    }

    [Fact]
    public void Questions_embedded_at_once_on_several_threads_get_the_vectors_they_get_one_at_a_time()
    {
        string[] texts = ["what is ccsvi", "does liberation therapy work", "is venoplasty safe", "who gets ms", "can stents move", "what does nice say"];
        using var sequential = new MiniLmEmbedder(cachedQuestions: 0);
        using var concurrent = new MiniLmEmbedder(cachedQuestions: 0);
        var expected = texts.Select(t => sequential.Embed(t)).ToList();

        var actual = new float[texts.Length * 4][];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => actual[i] = concurrent.Embed(texts[i % texts.Length]));

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], actual[i], new ToleranceComparer(1e-5f));
        }
    }

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
