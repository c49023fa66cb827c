namespace CcsviBot.Core.Answering;

/// <summary>How the re-score mixes its parts; <see cref="Default"/> is chosen by the benchmark project's <c>calibrate</c> mode.</summary>
internal readonly record struct MatchWeights(double Phrasing, double PrecisionShare, double Answer, double Vocabulary, double Unknown, double FunctionWord, double SoftCredit, double Affinity, double Preference)
{
    // Chosen by cross-validated right answers on the calibration's training data (dev set, never the evaluation set).
    public static MatchWeights Default { get; } = new(0.8, 0.7, 0.8, 0.4, 2.5, 0.3, 0.8, 0, 0.6);
}
