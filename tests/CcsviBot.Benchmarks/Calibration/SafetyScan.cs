using System.Globalization;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Safety;
using CcsviBot.Core.Text;

namespace CcsviBot.Benchmarks.Calibration;

/// <summary>
/// Reads every line of a question file (first tab-separated column) as the safety screen does, and prints its urgent
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
        var screen = new SafetyScreen(content.SafetyRules, content.Safety.Notes, classifier, options.UrgentThreshold, options.SafetyNoteThreshold);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var columns = line.Split('\t');
            var words = TextNormalizer.Words(columns[0]);
            var concepts = classifier.Reader.Concepts(classifier.Reader.Stems(words)).Select(i => classifier.Reader.ConceptNames[i]);
            var verdict = screen.Screen(columns[0]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{verdict.Level,-7} {verdict.Scores.Urgent:0.000} {(verdict.Scores.NamesDanger ? "D" : "-")} {(columns.Length > 1 ? columns[1] : ""),-12} [{string.Join(' ', concepts)}] {columns[0][..Math.Min(120, columns[0].Length)]}"));
        }

        return 0;
    }
}
