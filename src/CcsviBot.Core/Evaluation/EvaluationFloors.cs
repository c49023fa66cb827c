namespace CcsviBot.Core.Evaluation;

/// <summary>The quality floors the product promises on its evaluation set.</summary>
public static class EvaluationFloors
{
    public const double AnsweredCorrectly = 0.90;
    public const double AnsweredWrongly = 0.03;
    public const double NoneOnOutOfScope = 0.90;
    public const double UrgentRecall = 1.0;

    /// <summary>Of the questions that are not urgent, the most that may get the urgent reply (the screen is tuned for recall).</summary>
    public const double FalseUrgentRate = 0.02;
}
