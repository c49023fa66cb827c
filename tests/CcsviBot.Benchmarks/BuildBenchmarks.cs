using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Text;

namespace CcsviBot.Benchmarks;

/// <summary>Building a knowledge base snapshot (Lucene index, vocabulary, spelling dictionary, engine profiles).</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class BuildBenchmarks
{
    private readonly FaqAnalyzer analyzer = new();
    private FaqContent content = null!;

    [ParamsSource(nameof(AvailableCorpora))]
    public string Corpus { get; set; } = Corpora.Ccsvi;

    public static IEnumerable<string> AvailableCorpora => Corpora.Available();

    [GlobalSetup]
    public void Setup() => content = Corpora.Load(Corpus);

    [Benchmark]
    public long Build()
    {
        using var knowledgeBase = KnowledgeBaseFactory.Default.Build(content, new AnsweringOptions(), 1);
        return knowledgeBase.Version;
    }

    /// <summary>The phrasing classifier alone, the part of a build that grows with the alternates (none for the 16k corpus: no model above 1,000 entries).</summary>
    [Benchmark]
    public object TrainPhrasingClassifier() => PhrasingClassifier.Train(content.Entries, content.SynonymGroups, analyzer);

    /// <summary>One hot reload as the bot's FaqReloader does it: load from disk, check (the CCSVI FAQ only; the bulk corpus is published unchecked), build.</summary>
    [Benchmark]
    public int LoadCheckBuild()
    {
        var loaded = FaqLoader.Load(Corpora.PathOf(Corpus));
        if (Corpus == Corpora.Ccsvi && FaqChecker.Check(loaded, DateOnly.FromDateTime(DateTime.UtcNow)).Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("the CCSVI FAQ does not pass faq check");
        }

        using var knowledgeBase = KnowledgeBaseFactory.Default.Build(loaded.Content!, new AnsweringOptions(), 2);
        return knowledgeBase.Content.Entries.Count;
    }
}
