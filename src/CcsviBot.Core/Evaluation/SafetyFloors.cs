namespace CcsviBot.Core.Evaluation;

/// <summary>The floors of the safety evaluation: every urgent message recognised, few informational ones taken for urgent.</summary>
public static class SafetyFloors
{
    public const double UrgentRecall = 1.0;
    public const double FalseUrgentRate = 0.10;
}
