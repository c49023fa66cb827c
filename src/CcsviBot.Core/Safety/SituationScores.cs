namespace CcsviBot.Core.Safety;

/// <summary>The learned screen's probabilities for one piece of text; they sum to 1.</summary>
public readonly record struct SituationScores(double Emergency, double Crisis, double Info, double Ordinary)
{
    /// <summary>The probability that it is happening now: an emergency or a crisis.</summary>
    public double Urgent => Emergency + Crisis;

    /// <summary>The probability that it mentions danger at all: urgent or informational.</summary>
    public double Alarm => Emergency + Crisis + Info;

    /// <summary>Whether the text names a danger situation (see <c>situations:</c> in safety.yaml), not only circumstances.</summary>
    public bool NamesDanger { get; init; }

    /// <summary>Whether the text is a long post the writer tells of themselves (see <see cref="SituationReader.TellsOwnStory"/>).</summary>
    public bool TellsOwnStory { get; init; }

    /// <summary>Whether the danger reads as self-harm rather than a medical emergency.</summary>
    public bool IsCrisis => Crisis > Emergency;

    public static SituationScores None { get; } = new(0, 0, 0, 1);
}
