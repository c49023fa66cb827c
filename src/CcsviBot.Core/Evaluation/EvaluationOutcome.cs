using CcsviBot.Core.Answering;

namespace CcsviBot.Core.Evaluation;

/// <summary>What one evaluation question got.</summary>
public sealed record EvaluationOutcome(EvaluationCase Case, Reply Reply, IReadOnlyList<string> RankedIds)
{
    public string? AnsweredId => Reply.Kind == ReplyKind.Answer ? Reply.Entry?.Id : null;

    public bool AnsweredCorrectly => Case.InScope && AnsweredId is { } id && Case.ExpectedIds.Contains(id);

    public bool AnsweredWrongly => Case.InScope && AnsweredId is { } id && !Case.ExpectedIds.Contains(id);

    public bool ClarifiedWithRightCandidate => Case.InScope && Reply.Kind == ReplyKind.Clarify && Reply.Candidates.Any(c => Case.ExpectedIds.Contains(c.Id));

    /// <summary>1 / rank of the first expected entry within the top 10, else 0.</summary>
    public double ReciprocalRank
    {
        get
        {
            var rank = RankedIds.Take(Evaluator.MrrDepth).ToList().FindIndex(id => Case.ExpectedIds.Contains(id));
            return rank < 0 ? 0 : 1.0 / (rank + 1);
        }
    }

    public bool IsMiss => Case switch
    {
        { ExpectsUrgent: true } => Reply.Kind != ReplyKind.Urgent,
        { ExpectsNone: true } => Reply.Kind is not (ReplyKind.None or ReplyKind.SmallTalk),
        _ => !AnsweredCorrectly,
    };

    /// <summary>What the bot did, in the same vocabulary as the expectation ("none", "urgent", an id, clarify:[ids]).</summary>
    public string Got => Reply.Kind switch
    {
        ReplyKind.Answer => Reply.Entry?.Id ?? "answer",
        ReplyKind.Clarify => $"clarify:{string.Join('|', Reply.Candidates.Select(c => c.Id))}",
        ReplyKind.Urgent => EvaluationSet.Urgent,
        ReplyKind.SmallTalk => "smalltalk",
        _ => EvaluationSet.None,
    };
}
