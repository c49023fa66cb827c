using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Answering;

/// <summary>How well one candidate entry covers a query, the features behind the calibrated confidence.</summary>
internal readonly record struct MatchScore(
    FaqEntry Entry,
    double Score,
    double QuestionCoverage,
    double QuestionPrecision,
    double AnswerCoverage,
    double Affinity,
    double Preference);
