using System.Diagnostics;
using System.Globalization;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Evaluation;
using CcsviBot.Core.Meaning;
using CcsviBot.Core.Search;
using CcsviBot.Meaning;

namespace CcsviBot.Benchmarks;

/// <summary>
/// What the second opinion from meaning costs on this machine: loading the model, its memory, embedding every
/// phrasing (a first start) and only the missing ones (a later start or a reload), and the answer's latency and
/// throughput over every evaluation and real question with the model run for each (no question cache), against the
/// engine without it: <c>dotnet run -c Release --project tests/CcsviBot.Benchmarks -- meaning</c>.
/// </summary>
internal static class MeaningCost
{
    public static int Run()
    {
        var content = Corpora.Load(Corpora.Ccsvi);
        var questions = new[] { "faq/eval/questions.tsv", "faq/eval/real-questions.tsv" }
            .SelectMany(file => EvaluationSet.Parse(File.ReadLines(Path.Combine(Corpora.RepositoryRoot, file))).Cases)
            .Select(c => c.Question)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var before = WorkingSetMiB();
        var loading = Stopwatch.StartNew();
        using var embedder = new MiniLmEmbedder(cachedQuestions: 0);
        embedder.Embed("warm up");
        Report($"model loaded in {loading.ElapsedMilliseconds} ms, working set +{WorkingSetMiB() - before:0} MiB");

        var folder = Path.Combine(Path.GetTempPath(), $"ccsvibot-meaning-{Environment.ProcessId}");
        try
        {
            var first = Stopwatch.StartNew();
            using (var cold = new KnowledgeBaseFactory(new LuceneFaqIndexBuilder(), embedder, new EmbeddingStore(folder)).Build(content, new AnsweringOptions(), 1))
            {
                cold.MeaningReady.GetAwaiter().GetResult();
            }

            var phrasings = content.Entries.Sum(e => e.Alternates.Count + 1);
            Report($"first start: {phrasings} phrasings embedded in {first.ElapsedMilliseconds} ms");

            var warm = Stopwatch.StartNew();
            using var withMeaning = new KnowledgeBaseFactory(new LuceneFaqIndexBuilder(), embedder, new EmbeddingStore(folder)).Build(content, new AnsweringOptions(), 2);
            withMeaning.MeaningReady.GetAwaiter().GetResult();
            Report($"later start: vectors ready {warm.ElapsedMilliseconds} ms after the build began (read from disk)");
            Report($"working set with the model and one snapshot's vectors: {WorkingSetMiB() - before:0} MiB above the engine without them");

            using var wordsOnly = KnowledgeBaseFactory.Default.Build(content, new AnsweringOptions(), 3);
            Latency("words only", wordsOnly.Engine, questions);
            Latency("with meaning, no question cache", withMeaning.Engine, questions);
            using var cachingEmbedder = new MiniLmEmbedder();
            using var cached = new KnowledgeBaseFactory(new LuceneFaqIndexBuilder(), cachingEmbedder, new EmbeddingStore(folder)).Build(content, new AnsweringOptions(), 4);
            cached.MeaningReady.GetAwaiter().GetResult();
            foreach (var question in questions)
            {
                cached.Engine.Ask(question);
            }

            Latency("with meaning, every question's vector cached (asked before)", cached.Engine, questions);
            Throughput("words only", wordsOnly.Engine, questions);
            Throughput("with meaning, every question's vector cached (asked before)", cached.Engine, questions);
            Throughput("with meaning, no question cache", withMeaning.Engine, questions);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static void Latency(string name, IAnswerEngine engine, List<string> questions)
    {
        foreach (var question in questions)
        {
            engine.Ask(question);
        }

        var times = questions.Select(question =>
        {
            var start = Stopwatch.GetTimestamp();
            engine.Ask(question);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }).Order().ToList();
        Report($"{name}: {questions.Count} questions, one thread: median {times[times.Count / 2]:0.00} ms, p95 {times[(int)(times.Count * 0.95)]:0.00} ms, p99 {times[(int)(times.Count * 0.99)]:0.00} ms, max {times[^1]:0.0} ms");
    }

    private static void Throughput(string name, IAnswerEngine engine, List<string> questions)
    {
        var rounds = 3;
        var start = Stopwatch.GetTimestamp();
        Parallel.For(0, questions.Count * rounds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => engine.Ask(questions[i % questions.Count]));
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Report($"{name}: {questions.Count * rounds / seconds:0} questions/s on {Environment.ProcessorCount} threads, every question distinct from the one before");
    }

    private static double WorkingSetMiB()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / 1048576.0;
    }

    private static void Report(string line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
