using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Text;

namespace CcsviBot.Benchmarks;

/// <summary>Training the phrasing classifier, the part of a snapshot build that grows with the alternates.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 10)]
public class TrainingBenchmarks
{
    private FaqContent content = null!;
    private SynonymMap synonyms = null!;

    [GlobalSetup]
    public void Setup()
    {
        content = Corpora.Load(Corpora.Ccsvi);
        synonyms = new SynonymMap(content.SynonymGroups);
    }

    [Benchmark]
    public object TrainPhrasingClassifier() => PhrasingClassifier.Train(content.Entries, synonyms);
}
