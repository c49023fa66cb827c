using CcsviBot.Core.Search;

namespace CcsviBot.Core.Answering;

/// <summary>
/// The calibrated confidence that the top candidate answers the question: a logistic model over how well the best
/// entry covers the question (score, phrasing coverage and precision, answer coverage), how far it leads the second,
/// and how much of the question the FAQ does not know at all. Fitted by logistic regression on the evaluation set
/// (outcome: the top candidate is a right answer); the thresholds in <see cref="AnsweringOptions"/> were chosen on the
/// same fit so that wrong answers stay rare and out-of-scope questions get "none".
/// </summary>
internal static class ConfidenceModel
{
    private const double Intercept = -6.84;
    private const double TopScoreWeight = 2.672;
    private const double LeadWeight = 1.012;
    private const double CoverageWeight = 1.717;
    private const double PrecisionWeight = 1.944;
    private const double AnswerCoverageWeight = 1.894;
    private const double UnknownShareWeight = -0.743;
    private const double TermCountWeight = 1.934;

    public static double Confidence(AnalyzedQuery query, IReadOnlyList<MatchScore> ranked)
    {
        if (ranked.Count == 0 || query.IsEmpty)
        {
            return 0;
        }

        var top = ranked[0];
        var lead = top.Score - (ranked.Count > 1 ? ranked[1].Score : 0);
        var unknownShare = (double)query.Terms.Count(t => !t.Known) / query.Terms.Count;
        var logit = Intercept
            + (TopScoreWeight * top.Score)
            + (LeadWeight * lead)
            + (CoverageWeight * top.QuestionCoverage)
            + (PrecisionWeight * top.QuestionPrecision)
            + (AnswerCoverageWeight * top.AnswerCoverage)
            + (UnknownShareWeight * unknownShare)
            + (TermCountWeight * Math.Log(query.Terms.Count));
        return Math.Round(1 / (1 + Math.Exp(-logit)), 4);
    }
}
