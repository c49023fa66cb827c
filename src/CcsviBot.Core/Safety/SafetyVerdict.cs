using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Safety;

/// <summary>How much danger the screen sees in a message.</summary>
public enum SafetyLevel
{
    /// <summary>Nothing: answer as usual.</summary>
    Clear,
    /// <summary>Danger signs in what reads as a question or a past event: answer as usual, plus <see cref="SafetyVerdict.Note"/>.</summary>
    Note,
    /// <summary>Happening now: <see cref="SafetyVerdict.Rule"/>'s reply at once and nothing else.</summary>
    Urgent,
}

/// <summary>The safety screen's decision for one message, and why (for the command line's explanation and the analytics).</summary>
public sealed record SafetyVerdict(SafetyLevel Level, SafetyRule? Rule, string? Note, SituationScores Scores, bool ByPhrase)
{
    public static SafetyVerdict Clear { get; } = new(SafetyLevel.Clear, null, null, SituationScores.None, ByPhrase: false);
}
