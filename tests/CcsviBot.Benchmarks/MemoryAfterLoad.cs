using System.Diagnostics;
using CcsviBot.Core.Answering;

namespace CcsviBot.Benchmarks;

/// <summary>Managed heap and working set held by a loaded snapshot (content + index + engine), after a full GC.</summary>
internal static class MemoryAfterLoad
{
    public static int Run()
    {
        foreach (var corpus in Corpora.Available())
        {
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;
            var watch = Stopwatch.StartNew();
            var content = Corpora.Load(corpus);
            var loaded = watch.Elapsed;
            using var knowledgeBase = KnowledgeBaseFactory.Default.Build(content, new AnsweringOptions(), 1);
            var built = watch.Elapsed - loaded;
            knowledgeBase.Engine.Ask(Corpora.ShortQuestion(corpus));
            var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
            var workingSetAfter = Process.GetCurrentProcess().WorkingSet64;
            Console.WriteLine(
                $"{corpus}: {content.Entries.Count} entries; load {loaded.TotalMilliseconds:0} ms, build {built.TotalMilliseconds:0} ms; " +
                $"managed heap +{(heapAfter - heapBefore) / 1048576.0:0.0} MB, working set +{(workingSetAfter - workingSetBefore) / 1048576.0:0.0} MB " +
                $"(SQLite's in-memory index is native memory: in the working set, not the managed heap)");
        }

        return 0;
    }
}
