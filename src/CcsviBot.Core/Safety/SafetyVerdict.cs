using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Safety;

/// <summary>The safety screen's decision for one message, and the learned screen's reading of it.</summary>
public sealed record SafetyVerdict(SafetyLevel Level, SafetyRule? Rule, string? Note, SituationScores Scores)
{
    public static SafetyVerdict Clear { get; } = new(SafetyLevel.Clear, null, null, SituationScores.None);
}
