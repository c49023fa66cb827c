using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Safety;
using CcsviBot.Core.Search;
using CcsviBot.Core.Text;

namespace CcsviBot.Benchmarks;

/// <summary>
/// The MedQuAD corpus, once or several times over (ids suffixed <c>~2</c>, <c>~3</c>…): build time, candidate and
/// full-answer latency per question (median, p95), and the decisions on 400 of its questions reworded the way a
/// visitor asks ("what is (are) X ?" becomes "tell me about x"). A reworded question is answered right when the reply's
/// entry has the sampled entry's question (the copies, and MedQuAD's own duplicates, ask the same).
/// </summary>
internal static partial class ScaleRun
{
    private const int Builds = 3;
    private const int SampleSize = 400;
    private const int Seed = 13;

    public static int Run(int copies, string? decisionsPath, bool partsOnly = false)
    {
        var baseContent = Corpora.Load(Corpora.MedQuad);
        var content = copies == 1 ? baseContent : baseContent with
        {
            Entries = [.. Enumerable.Range(1, copies).SelectMany(copy => baseContent.Entries.Select(e => copy == 1 ? e : e with { Id = $"{e.Id}~{copy}" }))],
        };

        if (partsOnly)
        {
            Console.WriteLine($"build parts alone, wall (cpu) ms: {BuildParts(content)}");
            Console.WriteLine($"build parts alone, wall (cpu) ms: {BuildParts(content)}");
            return 0;
        }

        var buildTimes = new List<double>();
        // Processor time of the whole process (every thread) beside the wall time: on a shared machine the wall time says
        // as much about the neighbours as about the build.
        var buildCpuTimes = new List<double>();
        KnowledgeBase? knowledgeBase = null;
        for (var i = 0; i < Builds; i++)
        {
            knowledgeBase?.Dispose();
            GC.Collect();
            var watch = Stopwatch.StartNew();
            var processor = Environment.CpuUsage.TotalTime;
            knowledgeBase = KnowledgeBaseFactory.Default.Build(content, new AnsweringOptions(), i + 1);
            buildTimes.Add(watch.Elapsed.TotalMilliseconds);
            buildCpuTimes.Add((Environment.CpuUsage.TotalTime - processor).TotalMilliseconds);
        }

        using var built = knowledgeBase!;
        Console.WriteLine($"build parts alone, wall (cpu) ms: {BuildParts(content)}");
        var engine = built.AnswerEngine;
        var random = new Random(Seed);
        var sample = baseContent.Entries.OrderBy(_ => random.Next()).Take(SampleSize).ToList();
        var questions = sample.Select(e => Reword(e.Question)).ToList();
        var queries = questions.Select(engine.Analyze).ToList();

        var candidateTimes = Time(queries, q => engine.Candidates(q).Count);
        var replies = new Reply[questions.Count];
        var answerTimes = Time(Enumerable.Range(0, questions.Count).ToList(), i => (replies[i] = engine.Ask(questions[i])).Kind);

        int right = 0, wrong = 0, clarify = 0, clarifyRight = 0, none = 0;
        var lines = new List<string>();
        for (var i = 0; i < sample.Count; i++)
        {
            var expected = TextNormalizer.Normalize(sample[i].Question);
            bool IsExpected(FaqEntry e) => TextNormalizer.Normalize(e.Question) == expected;
            var reply = replies[i];
            switch (reply.Kind)
            {
                case ReplyKind.Answer when IsExpected(reply.Entry!):
                    right++;
                    break;
                case ReplyKind.Answer:
                    wrong++;
                    break;
                case ReplyKind.Clarify:
                    clarify++;
                    clarifyRight += reply.Candidates.Any(IsExpected) ? 1 : 0;
                    break;
                default:
                    none++;
                    break;
            }

            var decision = reply.Kind switch
            {
                ReplyKind.Answer => "answer:" + reply.Entry!.Id,
                ReplyKind.Clarify => "clarify:" + string.Join('|', reply.Candidates.Select(c => c.Id)),
                _ => reply.Kind.ToString().ToLowerInvariant(),
            };
            lines.Add(JsonSerializer.Serialize(new { question = questions[i], expected = sample[i].Id, decision, confidence = Math.Round(reply.Confidence, 3) }));
        }

        if (decisionsPath is not null)
        {
            File.WriteAllLines(decisionsPath, lines);
        }

        string Ms(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
        Console.WriteLine($"corpus: MedQuAD x{copies}, {content.Entries.Count:N0} entries");
        Console.WriteLine($"build (ms): {string.Join(", ", buildTimes.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))}  median {buildTimes.Order().ElementAt(Builds / 2):0}; processor time (ms): {string.Join(", ", buildCpuTimes.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"candidates (ms/question): median {Ms(Percentile(candidateTimes, 0.5))}  p95 {Ms(Percentile(candidateTimes, 0.95))}");
        Console.WriteLine($"full answer (ms/question): median {Ms(Percentile(answerTimes, 0.5))}  p95 {Ms(Percentile(answerTimes, 0.95))}");
        Console.WriteLine($"{SampleSize} reworded questions: right {right}, wrong {wrong}, clarify {clarify} ({clarifyRight} with the right candidate), none {none}");
        return 0;
    }

    /// <summary>The parts a build makes side by side, each timed alone.</summary>
    private static string BuildParts(FaqContent content)
    {
        using var analyzer = new FaqAnalyzer();
        string Time(string name, Func<object> build)
        {
            var start = Stopwatch.GetTimestamp();
            var processor = Environment.CpuUsage.TotalTime;
            (build() as IDisposable)?.Dispose();
            return $"{name} {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0} (cpu {(Environment.CpuUsage.TotalTime - processor).TotalMilliseconds:0})";
        }

        return string.Join(", ", Time("index", () => new LuceneFaqIndexBuilder().Build(content.Entries, analyzer)), Time("vocabulary", () => SpellingDictionary.Of(content.Entries)),
            Time("matcher", () => new EntryMatcher(content.Entries, analyzer)), Time("scope", () => new ScopeProfile(content.Entries, content.OutOfScopeExamples, analyzer)),
            Time("classifier", () => PhrasingClassifier.Train(content.Entries, content.SynonymGroups, analyzer)),
            Time("safety", () => SafetyScreen.Build(content, analyzer, new AnsweringOptions().UrgentThreshold, new AnsweringOptions().SafetyNoteThreshold)));
    }

    /// <summary>Per item, the time of the second of two passes (the first warms up), in milliseconds.</summary>
    private static List<double> Time<T, TResult>(IReadOnlyList<T> items, Func<T, TResult> action)
    {
        foreach (var item in items)
        {
            action(item);
        }

        var times = new List<double>(items.Count);
        foreach (var item in items)
        {
            var start = Stopwatch.GetTimestamp();
            action(item);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return times;
    }

    private static double Percentile(List<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];
    }

    /// <summary>A MedQuAD question as a visitor would type it: lower case, no "?", the stock openings said another way.</summary>
    internal static string Reword(string question)
    {
        var text = question.Trim().TrimEnd('?', ' ').ToLowerInvariant();
        foreach (var (pattern, replacement) in Rewordings)
        {
            if (pattern.IsMatch(text))
            {
                return pattern.Replace(text, replacement, 1);
            }
        }

        return "tell me " + text;
    }

    private static readonly (Regex Pattern, string Replacement)[] Rewordings =
    [
        (WhatIsAre(), "tell me about $1"),
        (WhatAreTheOf(), "$2 $1"),
        (HowToDiagnose(), "how do doctors find out someone has $1"),
        (HowManyPeople(), "how common is $1"),
        (WhoIsAtRisk(), "who can get $1"),
        (HowToPrevent(), "can you prevent $1"),
        (WhatIsTheOutlook(), "prognosis of $1"),
        (WhatCauses(), "why do people get $1"),
    ];

    [GeneratedRegex(@"^what is \(are\) (.+)$")]
    private static partial Regex WhatIsAre();

    [GeneratedRegex(@"^what are the (.+?) (?:of|for) (.+)$")]
    private static partial Regex WhatAreTheOf();

    [GeneratedRegex(@"^how to diagnose (.+)$")]
    private static partial Regex HowToDiagnose();

    [GeneratedRegex(@"^how many people are affected by (.+)$")]
    private static partial Regex HowManyPeople();

    [GeneratedRegex(@"^who is at risk for (.+)$")]
    private static partial Regex WhoIsAtRisk();

    [GeneratedRegex(@"^how to prevent (.+)$")]
    private static partial Regex HowToPrevent();

    [GeneratedRegex(@"^what is the outlook for (.+)$")]
    private static partial Regex WhatIsTheOutlook();

    [GeneratedRegex(@"^what causes (.+)$")]
    private static partial Regex WhatCauses();
}
