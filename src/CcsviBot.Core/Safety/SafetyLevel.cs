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
