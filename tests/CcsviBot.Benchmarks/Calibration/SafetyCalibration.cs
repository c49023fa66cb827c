using System.Globalization;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Safety;

namespace CcsviBot.Benchmarks.Calibration;

/// <summary>
/// Chooses the learned safety screen's thresholds on the development examples (faq/safety-examples.tsv), never on the
/// held-out faq/eval/urgent.tsv. Leave one writer out: each writer's lines are scored by a screen trained without any
/// of that writer's lines, so the figures say how the screen reads people it has never seen, not how well it
/// remembers a writer's habits. Recall first: the urgent threshold is the highest that still recognises every held-out
/// urgent line (with a margin), and the note threshold the highest that still puts the note on 95% of the
/// informational lines. Also measured: how often ordinary medical questions (a MedQuAD sample, when present) would get
/// an urgent reply or the note.
/// </summary>
internal static class SafetyCalibration
{
    private const int MissesPerUrgentLine = 300;
    private const double NoteCoverage = 0.95;

    public static int Run(bool showMisses)
    {
        var content = Corpora.Load(Corpora.Ccsvi);
        var analyzer = new CcsviBot.Core.Text.FaqAnalyzer();
        var writers = content.Safety.Examples.Select(e => e.Writer).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var scored = new List<(SafetyExample Example, SituationScores Scores, IReadOnlyList<SafetyRule> Phrases)>();
        foreach (var writer in writers)
        {
            var classifier = SafetyScreen.TrainClassifier(content, analyzer, e => e.Writer != writer);
            var screen = new SafetyScreen(content.SafetyRules, content.Safety.Notes, classifier, urgentThreshold: 1, noteThreshold: 1);
            foreach (var example in content.Safety.Examples.Where(e => e.Writer == writer))
            {
                var words = CcsviBot.Core.Text.TextNormalizer.Words(example.Text);
                scored.Add((example, screen.Score(words), screen.PhraseRules(words)));
            }
        }

        var urgent = scored.Where(s => s.Example.Label is SafetyLabel.Emergency or SafetyLabel.Crisis).ToList();
        var info = scored.Where(s => s.Example.Label == SafetyLabel.Info).ToList();
        var ordinary = scored.Where(s => s.Example.Label == SafetyLabel.Ordinary).ToList();
        // Recall first: the highest urgent threshold that misses at most one urgent line in 300 of writers the screen
        // never saw (a miss still gets the note); the note threshold keeps the note on 95% of informational lines.
        static bool Urgent((SafetyExample Example, SituationScores Scores, IReadOnlyList<SafetyRule> Phrases) s, double threshold) =>
            SafetyScreen.IsUrgent(s.Phrases, s.Scores, threshold);
        var grid = Enumerable.Range(1, 99).Select(i => i / 200.0).ToList();
        var urgentThreshold = grid.Where(t => urgent.Count(s => !Urgent(s, t)) <= urgent.Count / MissesPerUrgentLine).DefaultIfEmpty(grid[0]).Max();
        var noteScores = info.Select(s => s.Scores.Alarm).Order().ToList();
        var noteThreshold = Math.Round(Math.Max(0.01, noteScores[(int)Math.Floor((1 - NoteCoverage) * noteScores.Count)]), 3);

        Console.WriteLine($"leave-one-writer-out over {writers.Count} writers ({string.Join(", ", writers)}): {urgent.Count} urgent, {info.Count} info, {ordinary.Count} ordinary lines");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chosen UrgentThreshold {urgentThreshold:0.000}, SafetyNoteThreshold {noteThreshold:0.000}"));
        foreach (var threshold in new[] { 0.02, 0.04, 0.06, 0.08, 0.1, 0.15, 0.2, 0.3, 0.5 }.Append(urgentThreshold).Distinct().Order())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  at {threshold:0.000}: urgent recall {Share(urgent, s => Urgent(s, threshold))} ({urgent.Count(s => !Urgent(s, threshold))} missed), false urgent on info {Share(info, s => Urgent(s, threshold))}, on ordinary {Share(ordinary, s => Urgent(s, threshold))}"));
        }

        Console.WriteLine("recall by writer at the chosen threshold:");
        foreach (var group in urgent.GroupBy(s => s.Example.Writer))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Key,-20} {group.Count(s => Urgent(s, urgentThreshold))}/{group.Count()}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"note or urgent on info {Share(info, s => Urgent(s, urgentThreshold) || s.Scores.Alarm >= noteThreshold)}, on ordinary {Share(ordinary, s => s.Scores.Alarm >= noteThreshold):P1}"));

        if (Corpora.MedQuadAvailable)
        {
            var medQuad = Corpora.Load(Corpora.MedQuad).Entries.Select(e => e.Question).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
            var random = new Random(20261207);
            var sample = medQuad.OrderBy(_ => random.Next()).Take(1000).ToList();
            var screen = new SafetyScreen(content.SafetyRules, content.Safety.Notes, SafetyScreen.TrainClassifier(content, analyzer), urgentThreshold, noteThreshold);
            var verdicts = sample.Select(q => (q, screen.Screen(q))).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"MedQuAD sample ({sample.Count} informational questions): urgent {verdicts.Count(v => v.Item2.Level == SafetyLevel.Urgent)}, note {verdicts.Count(v => v.Item2.Level == SafetyLevel.Note)}"));
            if (showMisses)
            {
                foreach (var (question, verdict) in verdicts.Where(v => v.Item2.Level == SafetyLevel.Urgent))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  MedQuAD urgent {verdict.Scores.Urgent:0.00}: {question}"));
                }
            }
        }

        if (showMisses)
        {
            Console.WriteLine("urgent lines that name no danger situation:");
            foreach (var s in urgent.Where(s => !s.Scores.NamesDanger))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {s.Scores.Urgent:0.000} {s.Example.Category} [{s.Example.Writer}] {s.Example.Text}"));
            }

            Console.WriteLine("lowest-scoring urgent lines (held-out writer):");
            foreach (var s in urgent.Where(s => !Urgent(s, urgentThreshold)).Concat(urgent.OrderBy(s => s.Scores.Urgent)).Distinct().Take(25))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {s.Scores.Urgent:0.000} {s.Example.Label} {s.Example.Category} [{s.Example.Writer}] {s.Example.Text}"));
            }

            Console.WriteLine("highest-scoring info lines:");
            foreach (var s in info.OrderByDescending(s => s.Scores.Urgent).Take(25))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {s.Scores.Urgent:0.000} {s.Example.Category} [{s.Example.Writer}] {s.Example.Text}"));
            }

            // Ordinary lines are what real visitors mostly send (FAQ headings, "what do I do if…"): an urgent reply there
            // is the costliest false alarm, so the ones the chosen threshold would send it are listed too.
            Console.WriteLine("ordinary lines urgent at the chosen threshold:");
            foreach (var s in ordinary.Where(s => Urgent(s, urgentThreshold)).OrderByDescending(s => s.Scores.Urgent).Take(40))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {s.Scores.Urgent:0.000} {s.Example.Category} [{s.Example.Writer}] {s.Example.Text}"));
            }
        }

        Console.WriteLine("Paste the thresholds into AnsweringOptions and appsettings.json (Answering:UrgentThreshold, Answering:SafetyNoteThreshold).");
        return 0;
    }

    private static string Share<T>(List<T> items, Func<T, bool> predicate) =>
        items.Count == 0 ? "n/a" : ((double)items.Count(predicate) / items.Count).ToString("P1", CultureInfo.InvariantCulture);
}
