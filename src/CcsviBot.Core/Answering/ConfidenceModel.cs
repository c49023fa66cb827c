using CcsviBot.Core.Search;

namespace CcsviBot.Core.Answering;

/// <summary>
/// The calibrated confidence that the top candidate answers the question, as the product of two logistic models over
/// the same features: how likely the question is one the FAQ answers at all (<see cref="ScopeCoefficients"/>), and how
/// likely the top candidate is the right entry when it is (<see cref="RankCoefficients"/>). One model for both had to
/// trade the two apart; out-of-scope lines outnumber in-scope ones, so it learnt "is this about CCSVI" at the expense
/// of "is it this entry". Features: how well the best entry covers the question (score, phrasing coverage and
/// precision, answer coverage, affinity, the phrasing classifier's preference), how far it leads the others, how many
/// concepts the question has (words the FAQ does not know already lower the coverage features), and how strongly its
/// words speak for the FAQ's topic against the maintainers' out-of-scope examples (<see cref="ScopeProfile"/>).
/// Fitted on training data that is not the evaluation set (see docs/architecture.md, "How the confidence is
/// calibrated"): the development set's visitor-style questions (outcome: the top candidate is an expected entry; its
/// "none" lines never right), leave-one-out over the entries' own phrasings, and out-of-scope health questions plus
/// chit-chat (never right). Refit with the benchmark project's <c>calibrate</c> mode whenever the scoring changes, and
/// paste its coefficients and thresholds here and in appsettings.json.
/// </summary>
internal static class ConfidenceModel
{
    /// <summary>Feature names, in the order of <see cref="Features"/> (after the intercept).</summary>
    public static readonly IReadOnlyList<string> FeatureNames = ["score", "lead", "coverage", "precision", "answer", "log-terms", "unknown-share", "coverage-lead", "answer-lead", "lead-ratio", "affinity", "affinity-lead", "scope-lift", "scope-lowest", "scope-highest", "preference", "preference-lead"];

    // Intercept first, then one weight per feature of FeatureNames.
    private static readonly double[] ScopeCoefficients = [-9.852, 3.711, 0.205, 3.976, 1.969, -0.959, 2.77, -0.738, 0.871, 3.532, -3.833, -6.523, 3.585, 1.483, 0.278, 0.665, 0.209, 1.328];
    private static readonly double[] RankCoefficients = [-2.977, 2.208, 2.688, -0.412, -0.105, -1.501, 0.402, 3.293, -0.582, 1.946, -1.366, 0.566, 0.355, -0.035, 0.045, 0.013, 1.316, 0.693];

    /// <summary>The coefficients in use (scope, then rank), for the calibration to measure them against a refit.</summary>
    public static (IReadOnlyList<double> Scope, IReadOnlyList<double> Rank) CurrentCoefficients => (ScopeCoefficients, RankCoefficients);

    public static double Confidence(AnalyzedQuery query, IReadOnlyList<MatchScore> ranked, ScopeLift lift) =>
        ranked.Count == 0 || query.IsEmpty ? 0 : Confidence(ScopeCoefficients, RankCoefficients, Features(query, ranked, lift));

    /// <summary>P(the FAQ answers the question) × P(the top candidate is the right entry), rounded as replies report it.</summary>
    public static double Confidence(IReadOnlyList<double> scope, IReadOnlyList<double> rank, IReadOnlyList<double> features) =>
        Math.Round(Logistic(scope, features) * Logistic(rank, features), 4);

    /// <summary>The model's inputs for a non-empty ranking.</summary>
    public static double[] Features(AnalyzedQuery query, IReadOnlyList<MatchScore> ranked, ScopeLift lift)
    {
        var top = ranked[0];
        var lead = top.Score - (ranked.Count > 1 ? ranked[1].Score : 0);
        var unknownShare = query.Terms.Count(t => !t.Known) / (double)query.Terms.Count;
        double otherCoverage = 0, otherAnswer = 0, otherAffinity = 0, otherPreference = 0;
        for (var i = 1; i < ranked.Count; i++)
        {
            otherCoverage = Math.Max(otherCoverage, ranked[i].QuestionCoverage);
            otherAnswer = Math.Max(otherAnswer, ranked[i].AnswerCoverage);
            otherAffinity = Math.Max(otherAffinity, ranked[i].Affinity);
            otherPreference = Math.Max(otherPreference, ranked[i].Preference);
        }

        return [top.Score, lead, top.QuestionCoverage, top.QuestionPrecision, top.AnswerCoverage, Math.Log(query.Terms.Count), unknownShare,
            top.QuestionCoverage - otherCoverage, top.AnswerCoverage - otherAnswer, top.Score > 0 ? lead / top.Score : 0, top.Affinity, top.Affinity - otherAffinity, lift.Mean, lift.Lowest, lift.Highest,
            top.Preference, top.Preference - otherPreference];
    }

    public static double Logistic(IReadOnlyList<double> coefficients, IReadOnlyList<double> features)
    {
        var logit = coefficients[0];
        for (var i = 0; i < features.Count; i++)
        {
            logit += coefficients[i + 1] * features[i];
        }

        return 1 / (1 + Math.Exp(-logit));
    }
}
