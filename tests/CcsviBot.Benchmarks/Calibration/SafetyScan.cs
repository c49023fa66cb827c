using System.Globalization;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Safety;
using CcsviBot.Core.Text;

namespace CcsviBot.Benchmarks.Calibration;

/// <summary>
/// Reads every message of a file (its first tab-separated column; comments and a header skipped) as the safety screen does, and prints its urgent
/// probability, whether it names a danger situation, which situation concepts it mentions and the screen's verdict: a
/// way to see which words a set of false alarms (or misses) share.
/// </summary>
internal static class SafetyScan
{
    public static int Run(string path)
    {
        var content = Corpora.Load(Corpora.Ccsvi);
        var analyzer = new FaqAnalyzer();
        var classifier = SafetyScreen.TrainClassifier(content, analyzer);
        var options = new CcsviBot.Core.Answering.AnsweringOptions();
        // The live screen, FAQ phrasings exempt from the learned reading included.
        var screen = SafetyScreen.Build(content, analyzer, options.UrgentThreshold, options.SafetyNoteThreshold, classifier);
        foreach (var line in File.ReadLines(path))
        {
            var columns = line.Split('\t');
            // Blank lines, comments and the header of the evaluation files are not messages.
            if (columns[0].Trim().Length == 0 || columns[0].StartsWith('#') || columns[0] is "question" or "message")
            {
                continue;
            }

            var words = TextNormalizer.Words(columns[0]);
            var concepts = classifier.Reader.Concepts(classifier.Reader.Stems(words)).Select(i => classifier.Reader.ConceptNames[i]);
            var verdict = screen.Screen(columns[0]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{verdict.Level,-7} {verdict.Scores.Urgent:0.000} {(verdict.Scores.NamesDanger ? "D" : "-")} {(columns.Length > 1 ? columns[1] : ""),-12} [{string.Join(' ', concepts)}] {columns[0][..Math.Min(120, columns[0].Length)]}"));
        }

        return 0;
    }
}
