using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;

namespace CcsviBot.Benchmarks;

/// <summary>Building a knowledge base snapshot (FTS5 index, vocabulary, spelling dictionary, engine profiles).</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class BuildBenchmarks
{
    private FaqContent content = null!;

    [Params(Corpora.Ccsvi, Corpora.MedQuad)]
    public string Corpus { get; set; } = Corpora.Ccsvi;

    [GlobalSetup]
    public void Setup() => content = Corpora.Load(Corpus);

    [Benchmark]
    public long Build()
    {
        using var knowledgeBase = KnowledgeBaseFactory.Build(content, new AnsweringOptions(), 1);
        return knowledgeBase.Version;
    }
}
