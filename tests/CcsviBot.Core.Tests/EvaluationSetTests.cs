using CcsviBot.Core.Evaluation;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Tests;

public class EvaluationSetTests
{
    private static readonly string RealQuestions = Path.Combine(TestPaths.RealFaq, "eval", "real-questions.tsv");

    [Fact]
    public void A_split_selects_its_lines_and_keeps_their_line_numbers()
    {
        string[] lines = ["question\texpected\tsource\tsplit", "a?\tnone\thttps://a.example/\ttune", "b?\tx\thttps://b.example/\treport", "c?\ty\thttps://a.example/\ttune"];

        var (tune, error) = EvaluationSet.Parse(lines, "tune");

        Assert.Null(error);
        Assert.Equal([2, 4], tune.Select(c => c.Line));
        Assert.Equal(3, EvaluationSet.Parse(lines).Cases.Count);
    }

    [Fact]
    public void A_split_needs_a_split_column() =>
        Assert.Contains("split", EvaluationSet.Parse(["question\texpected", "a?\tnone"], "tune").Error, StringComparison.Ordinal);

    /// <summary>Paraphrases from one page on both sides would measure memory, not understanding: the parts split by site.</summary>
    [Fact]
    public void The_real_questions_split_by_source_site_into_a_tuning_and_a_reporting_part()
    {
        var rows = File.ReadLines(RealQuestions).Skip(1).Select(l => l.Split('\t')).ToList();
        var tune = EvaluationSet.Parse(File.ReadLines(RealQuestions), "tune").Cases;
        var report = EvaluationSet.Parse(File.ReadLines(RealQuestions), "report").Cases;

        Assert.Equal(rows.Count, tune.Count + report.Count);
        Assert.True(tune.Count >= 50 && report.Count >= 50);
        var sites = rows.GroupBy(r => new Uri(r[2]).Host.Replace("www.", "", StringComparison.Ordinal)).ToList();
        Assert.All(sites, site => Assert.Single(site.Select(r => r[3]).Distinct()));
        // Real people ask the short questions word for word on many sites ("Who gets MS?"): one part has each.
        var tuned = tune.Select(c => TextNormalizer.Normalize(c.Question)).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(report, c => tuned.Contains(TextNormalizer.Normalize(c.Question)));
    }
}
