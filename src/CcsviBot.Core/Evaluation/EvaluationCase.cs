namespace CcsviBot.Core.Evaluation;

/// <summary>One evaluation question and what a good reply is: entry ids (any of them), none, or urgent.</summary>
public sealed record EvaluationCase(int Line, string Question, IReadOnlyList<string> ExpectedIds, bool ExpectsNone, bool ExpectsUrgent)
{
    public bool InScope => ExpectedIds.Count > 0;

    public string Expected => ExpectsUrgent ? EvaluationSet.Urgent : ExpectsNone ? EvaluationSet.None : string.Join('|', ExpectedIds);
}
