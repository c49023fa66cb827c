using CcsviBot.Core.Answering;
namespace CcsviBot.Benchmarks;
internal static class Timing
{
    public static void Run()
    {
        foreach (var corpus in new[] { Corpora.Ccsvi, Corpora.MedQuad })
        {
            using var kb = KnowledgeBaseFactory.Build(Corpora.Load(corpus), new AnsweringOptions(), 1);
            var e = (AnswerEngine)kb.Engine;
            foreach (var q in new[] { Corpora.ShortQuestion(corpus), Corpora.LongQuestion(corpus) })
            {
                for (var i = 0; i < 20; i++) e.Ask(q);
                var w = System.Diagnostics.Stopwatch.StartNew();
                for (var i = 0; i < 200; i++) e.Ask(q);
                var ask = w.Elapsed.TotalMilliseconds / 200; w.Restart();
                for (var i = 0; i < 200; i++) e.Analyze(q);
                var analyze = w.Elapsed.TotalMilliseconds / 200; w.Restart();
                for (var i = 0; i < 200; i++) e.Rank(q);
                var rank = w.Elapsed.TotalMilliseconds / 200;
                var content = kb.Content;
                var idx = CcsviBot.Core.Search.SqliteFtsIndex.Build(corpus == Corpora.Ccsvi ? content.Entries : content.Entries);
                var qa = e.Analyze(q); w.Restart();
                for (var i = 0; i < 200; i++) idx.Search(qa, 20);
                Console.WriteLine($"  search only {w.Elapsed.TotalMilliseconds / 200:0.000} ms  {CcsviBot.Core.Search.SqliteFtsIndex.ToMatchExpression(qa).Length} chars");
                idx.Dispose();
                Console.WriteLine($"{corpus} {q.Split(' ').Length} words: ask {ask:0.000} ms, analyze {analyze:0.000}, analyze+search+rank {rank:0.000}");
            }
        }
    }
}
