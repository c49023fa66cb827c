using BenchmarkDotNet.Attributes;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Search;

namespace CcsviBot.Benchmarks;

/// <summary>The answer path of one short CCSVI question in its steps: analysis, the index's candidates, the re-scoring.</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class AnswerPathBenchmarks
{
    private KnowledgeBase knowledgeBase = null!;
    private AnswerEngine engine = null!;
    private AnalyzedQuery query = null!;
    private string question = "";

    [GlobalSetup]
    public void Setup()
    {
        knowledgeBase = KnowledgeBaseFactory.Default.Build(Corpora.Load(Corpora.Ccsvi), new AnsweringOptions(), 1);
        engine = knowledgeBase.AnswerEngine;
        question = Corpora.ShortQuestion(Corpora.Ccsvi);
        query = engine.Analyze(question);
    }

    [GlobalCleanup]
    public void Cleanup() => knowledgeBase.Dispose();

    [Benchmark]
    public int Analyze() => engine.Analyze(question).Terms.Count;

    [Benchmark]
    public int Candidates() => engine.Candidates(query).Count;

    [Benchmark]
    public int Rank() => engine.Rank(query, MatchWeights.Default).Count;
}
