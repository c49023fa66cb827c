using System.Diagnostics;
using CcsviBot.Core.Answering;
using CcsviBot.Maintenance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CcsviBot.Benchmarks;

/// <summary>
/// The bot's own <see cref="FaqReloader"/> republishing a corpus again and again while questions are asked on every
/// core without pause. A question fails if it throws or if its decision differs from the one before any reload.
/// With <c>changePhrasings</c> (the CCSVI FAQ only) each round first adds an alternate to a copy of the FAQ, so every
/// reload trains a new phrasing classifier, as when a maintainer adds a wording; without it the content is unchanged,
/// as when a maintainer edits an answer, and the live snapshot's classifier is reused.
/// </summary>
internal static class ReloadUnderLoad
{
    public static async Task<int> RunAsync(string corpus, int rounds, int askerCount, bool changePhrasings)
    {
        if (changePhrasings && corpus != Corpora.Ccsvi)
        {
            Console.Error.WriteLine("changing phrasings needs the ccsvi corpus");
            return 1;
        }

        var copy = changePhrasings ? CopyOfFaq() : null;
        try
        {
            return await RunAsync(copy ?? Corpora.PathOf(corpus), corpus, rounds, askerCount, changePhrasings);
        }
        finally
        {
            if (copy is not null)
            {
                Directory.Delete(copy, recursive: true);
            }
        }
    }

    private static async Task<int> RunAsync(string path, string corpus, int rounds, int askerCount, bool changePhrasings)
    {
        using var provider = new StartupKnowledgeBaseProvider();
        using var reloader = new FaqReloader(
            provider,
            KnowledgeBaseFactory.Default,
            Options.Create(new FaqOptions { Path = path }),
            Options.Create(new AnsweringOptions()),
            Options.Create(new MaintenanceOptions { CheckContent = corpus == Corpora.Ccsvi, RetireAfterSeconds = 1 }),
            new ConfigurationBuilder().Build(),
            TimeProvider.System,
            NullLogger<FaqReloader>.Instance);
        var first = await reloader.ReloadAsync(ReloadTrigger.Startup, CancellationToken.None);
        if (!first.Published)
        {
            Console.Error.WriteLine($"the {corpus} corpus was not published: {string.Join("; ", first.Errors.Take(3))}");
            return 1;
        }

        var questions = new[] { Corpora.ShortQuestion(corpus), Corpora.LongQuestion(corpus) };
        var expected = questions.Select(q => Decision(provider.Current.Engine.Ask(q))).ToArray();
        long asked = 0, failed = 0;
        using var stop = new CancellationTokenSource();
        var askers = Enumerable.Range(0, askerCount).Select(worker => Task.Run(() =>
        {
            for (var i = worker; !stop.IsCancellationRequested; i++)
            {
                var which = i % questions.Length;
                try
                {
                    var knowledgeBase = provider.Current;
                    if (Decision(knowledgeBase.Engine.Ask(questions[which])) != expected[which])
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failed);
                }

                Interlocked.Increment(ref asked);
            }
        })).ToList();

        var durations = new List<double>();
        var wall = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            if (changePhrasings)
            {
                await AddAlternateAsync(path, round);
            }

            var result = await reloader.ReloadAsync(ReloadTrigger.Manual, CancellationToken.None);
            if (!result.Published)
            {
                Console.Error.WriteLine($"reload {round + 1} was refused");
                return 1;
            }

            durations.Add(result.DurationMilliseconds);
        }

        // Keep asking past the grace period so that replaced snapshots are disposed while questions run.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(askers);
        wall.Stop();

        durations.Sort();
        Console.WriteLine($"corpus {corpus}: {provider.Current.Content.Entries.Count} entries, {rounds} reloads under {askers.Count} concurrent askers, phrasings {(changePhrasings ? "changed before each reload" : "unchanged")}");
        Console.WriteLine($"reload ms: median {durations[durations.Count / 2]:F0}, max {durations[^1]:F0}, min {durations[0]:F0}");
        Console.WriteLine($"questions: {asked} asked in {wall.Elapsed.TotalSeconds:F1} s, {failed} failed; snapshots still retiring: {reloader.RetiringSnapshots}");
        return failed == 0 ? 0 : 1;
    }

    private static string CopyOfFaq()
    {
        var copy = Path.Combine(Path.GetTempPath(), "ccsvibot-reload-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(Corpora.PathOf(Corpora.Ccsvi), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Corpora.PathOf(Corpora.Ccsvi), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    /// <summary>A new wording for an entry no benchmark question asks about, so the expected decisions stay valid.</summary>
    private static async Task AddAlternateAsync(string faq, int round)
    {
        var file = Path.Combine(faq, "entries", "about-this-service.md");
        var text = await File.ReadAllTextAsync(file);
        var at = text.IndexOf("alternates:\n", StringComparison.Ordinal) + "alternates:\n".Length;
        await File.WriteAllTextAsync(file, text.Insert(at, $"  - who runs this question service, edition {round}\n"));
    }

    private static string Decision(Reply reply) => $"{reply.Kind}:{reply.Entry?.Id}";
}
