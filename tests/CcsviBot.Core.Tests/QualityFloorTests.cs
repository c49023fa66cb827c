using CcsviBot.Core.Answering;
using CcsviBot.Core.Configuration;
using CcsviBot.Core.Evaluation;
using CcsviBot.Core.Faq;
using Microsoft.Extensions.Configuration;

namespace CcsviBot.Core.Tests;

/// <summary>The real FAQ against its independent evaluation set, with the thresholds of appsettings.json.</summary>
public sealed class QualityFloorTests : IClassFixture<QualityFloorTests.RealEvaluation>
{
    private readonly EvaluationReport report;

    public QualityFloorTests(RealEvaluation evaluation) => report = evaluation.Report;

    [Fact]
    public void Urgent_recall_is_complete() =>
        Assert.True(report.UrgentRecall >= EvaluationFloors.UrgentRecall, Misses(o => o.Case.ExpectsUrgent));

    // Held-out since the engine is fitted on training data (docs/architecture.md, "How the confidence is calibrated").
    [Fact]
    public void Out_of_scope_questions_get_none() =>
        Assert.True(report.NoneOnOutOfScope >= EvaluationFloors.NoneOnOutOfScope, $"{report.NoneOnOutOfScope:P1}\n" + Misses(o => o.Case.ExpectsNone));

    [Fact]
    public void Wrong_answers_are_rare() =>
        Assert.True(report.AnsweredWrongly <= EvaluationFloors.AnsweredWrongly, $"{report.AnsweredWrongly:P1}\n" + Misses(o => o.AnsweredWrongly));

    [Fact]
    public void Most_questions_are_answered_correctly() =>
        Assert.True(report.AnsweredCorrectly >= EvaluationFloors.AnsweredCorrectly, $"{report.AnsweredCorrectly:P1}\n" + Misses(o => o.Case.InScope));

    [Fact]
    public void No_ordinary_question_is_treated_as_urgent() =>
        Assert.Equal(0, report.FalseUrgent);

    [Fact]
    public void The_eval_set_has_the_documented_shape()
    {
        Assert.True(report.Questions >= 200);
        Assert.True(report.OutOfScope >= 40);
        Assert.True(report.UrgentQuestions >= 12);
    }

    private string Misses(Func<EvaluationOutcome, bool> which) =>
        string.Join("\n", report.Misses.Where(which).Select(m => $"line {m.Case.Line}: {m.Case.Question} → expected {m.Case.Expected}, got {m.Got} ({m.Reply.Confidence:0.00})"));

    public sealed class RealEvaluation : IDisposable
    {
        private readonly KnowledgeBase knowledgeBase;

        public RealEvaluation()
        {
            var settings = new ConfigurationBuilder().AddJsonFile(Path.Combine(TestPaths.RepositoryRoot, SettingsLocator.FileName)).Build();
            var options = new AnsweringOptions();
            settings.GetSection(AnsweringOptions.SectionName).Bind(options);
            knowledgeBase = KnowledgeBaseFactory.Build(FaqLoader.Load(TestPaths.RealFaq).Content!, options, 1);
            var (cases, error) = EvaluationSet.Parse(File.ReadLines(TestPaths.RealEvalQuestions));
            Assert.Null(error);
            Report = Evaluator.Run(knowledgeBase.Engine, cases);
        }

        public EvaluationReport Report { get; }

        public void Dispose() => knowledgeBase.Dispose();
    }
}
