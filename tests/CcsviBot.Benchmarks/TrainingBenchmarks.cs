using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;

namespace CcsviBot.Benchmarks;

/// <summary>Training the phrasing classifier on the CCSVI FAQ, the part of a snapshot build that grows with the alternates.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 10)]
public class TrainingBenchmarks
{
    private FaqContent content = null!;

    [GlobalSetup]
    public void Setup() => content = Corpora.Load(Corpora.Ccsvi);

    [Benchmark]
    public object TrainPhrasingClassifier() => PhrasingClassifier.Train(content.Entries, content.SynonymGroups);
}
