using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;

namespace CcsviBot.Benchmarks;

/// <summary>
/// The work of one hot reload, as the bot's FaqReloader does it: load the source from disk, run the content checks
/// (the CCSVI FAQ only; the bulk corpus is published unchecked) and build the snapshot.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ReloadBenchmarks
{
    private string path = null!;

    [Params(Corpora.Ccsvi, Corpora.MedQuad)]
    public string Corpus { get; set; } = Corpora.Ccsvi;

    [GlobalSetup]
    public void Setup() => path = Corpora.PathOf(Corpus);

    [Benchmark]
    public int LoadCheckBuild()
    {
        var loaded = FaqLoader.Load(path);
        if (Corpus == Corpora.Ccsvi && FaqChecker.Check(loaded, DateOnly.FromDateTime(DateTime.UtcNow)).Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("the CCSVI FAQ does not pass faq check");
        }

        using var knowledgeBase = KnowledgeBaseFactory.Build(loaded.Content!, new AnsweringOptions(), 2);
        return knowledgeBase.Content.Entries.Count;
    }
}
