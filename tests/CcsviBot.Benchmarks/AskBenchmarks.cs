using BenchmarkDotNet.Attributes;
using CcsviBot.Core.Answering;

namespace CcsviBot.Benchmarks;

/// <summary>One <c>Ask</c> end to end: safety screen, small talk, analysis, FTS5 search, re-scoring, decision.</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class AskBenchmarks
{
    private KnowledgeBase knowledgeBase = null!;
    private string shortQuestion = "";
    private string longQuestion = "";
    private IReadOnlyList<string> shortMix = [];

    [ParamsSource(nameof(AvailableCorpora))]
    public string Corpus { get; set; } = Corpora.Ccsvi;

    public static IEnumerable<string> AvailableCorpora => Corpora.Available();

    [GlobalSetup]
    public void Setup()
    {
        knowledgeBase = KnowledgeBaseFactory.Default.Build(Corpora.Load(Corpus), new AnsweringOptions(), 1);
        shortQuestion = Corpora.ShortQuestion(Corpus);
        longQuestion = Corpora.LongQuestion(Corpus);
        shortMix = Corpora.ShortQuestionMix(Corpus);
        if (shortMix.Count != MixSize)
        {
            throw new InvalidOperationException($"OperationsPerInvoke is {MixSize} but the mix has {shortMix.Count} questions.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => knowledgeBase.Dispose();

    [Benchmark]
    public ReplyKind AskShort() => knowledgeBase.Engine.Ask(shortQuestion).Kind;

    /// <summary>Time per question over <see cref="Corpora.ShortQuestionMix"/>.</summary>
    [Benchmark(OperationsPerInvoke = MixSize)]
    public int AskShortMix()
    {
        var answered = 0;
        foreach (var question in shortMix)
        {
            answered += knowledgeBase.Engine.Ask(question).Kind == ReplyKind.Answer ? 1 : 0;
        }

        return answered;
    }

    private const int MixSize = 12;

    [Benchmark]
    public ReplyKind AskLong() => knowledgeBase.Engine.Ask(longQuestion).Kind;
}
