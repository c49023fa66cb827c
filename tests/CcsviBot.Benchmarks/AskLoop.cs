using System.Diagnostics;
using System.Globalization;
using CcsviBot.Core.Answering;

namespace CcsviBot.Benchmarks;

/// <summary>
/// One question asked over and over on one thread: per question, the median wall time of rounds of 200, the processor
/// time and the bytes allocated, for the whole answer and for the index's candidates alone. Beside BenchmarkDotNet for a
/// shared machine: when other work takes the cores, wall times swell with the wait, processor time much less.
/// </summary>
internal static class AskLoop
{
    private const int Round = 200;

    public static int Run(string corpus, int rounds)
    {
        using var knowledgeBase = KnowledgeBaseFactory.Default.Build(Corpora.Load(corpus), new AnsweringOptions(), 1);
        var engine = knowledgeBase.AnswerEngine;
        var question = Corpora.ShortQuestion(corpus);
        var query = engine.Analyze(question);
        Measure("ask short", rounds, () => engine.Ask(question).Kind);
        Measure("candidates", rounds, () => engine.Candidates(query).Count);
        return 0;
    }

    private static void Measure<T>(string name, int rounds, Func<T> action)
    {
        for (var i = 0; i < Round * 5; i++)
        {
            action();
        }

        var wall = new List<double>(rounds);
        var processor = Environment.CpuUsage.TotalTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var r = 0; r < rounds; r++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < Round; i++)
            {
                action();
            }

            wall.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / Round);
        }

        var count = (double)rounds * Round;
        var cpu = (Environment.CpuUsage.TotalTime - processor).TotalMicroseconds / count;
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / count;
        wall.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: wall median {wall[wall.Count / 2]:0.0} us (best round {wall[0]:0.0}), processor {cpu:0.0} us, allocated {bytes / 1024:0.0} KB per question"));
    }
}
