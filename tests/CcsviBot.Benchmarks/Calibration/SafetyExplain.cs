using System.Globalization;
using CcsviBot.Core.Safety;
using CcsviBot.Core.Text;

namespace CcsviBot.Benchmarks.Calibration;

/// <summary>
/// Shows why the learned safety screen reads a message as it does: its scores and the features that push it towards an
/// urgent reply or away from one. With a writer named, the screen is trained without that writer's lines, as
/// calibrate-safety holds it out, so a held-out false alarm can be read as the calibration saw it.
/// </summary>
internal static class SafetyExplain
{
    private const int FeaturesShown = 12;

    public static int Run(string text, string? withoutWriter)
    {
        var content = Corpora.Load(Corpora.Ccsvi);
        var classifier = SafetyScreen.TrainClassifier(content, new FaqAnalyzer(), e => e.Writer != withoutWriter);
        var words = TextNormalizer.Words(text);
        var scores = classifier.Score(words);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"emergency {scores.Emergency:0.000} crisis {scores.Crisis:0.000} info {scores.Info:0.000} ordinary {scores.Ordinary:0.000}, names danger: {scores.NamesDanger}"));
        var features = classifier.Explain(words);
        foreach (var (feature, weights) in features.Take(FeaturesShown).Concat(features.Skip(FeaturesShown).TakeLast(FeaturesShown)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {feature,-32} E {weights[0],6:0.00} C {weights[1],6:0.00} I {weights[2],6:0.00} O {weights[3],6:0.00}"));
        }

        return 0;
    }
}
