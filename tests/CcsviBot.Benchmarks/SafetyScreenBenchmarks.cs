using BenchmarkDotNet.Attributes;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Safety;
using CcsviBot.Core.Text;

namespace CcsviBot.Benchmarks;

/// <summary>The safety screen alone, as every message pays for it before anything else: a short question and a long post.</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SafetyScreenBenchmarks
{
    private FaqAnalyzer analyzer = null!;
    private SafetyScreen screen = null!;
    private string longQuestion = "";

    [GlobalSetup]
    public void Setup()
    {
        var content = Corpora.Load(Corpora.Ccsvi);
        var options = new AnsweringOptions();
        analyzer = new FaqAnalyzer();
        screen = SafetyScreen.Build(content, analyzer, options.UrgentThreshold, options.SafetyNoteThreshold);
        longQuestion = Corpora.LongQuestion(Corpora.Ccsvi);
    }

    [GlobalCleanup]
    public void Cleanup() => analyzer.Dispose();

    [Benchmark]
    public SafetyLevel ScreenShort() => screen.Screen(Corpora.ShortQuestion(Corpora.Ccsvi)).Level;

    [Benchmark]
    public SafetyLevel ScreenLong() => screen.Screen(longQuestion).Level;
}
