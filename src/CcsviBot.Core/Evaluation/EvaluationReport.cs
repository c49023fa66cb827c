using System.Text.Json.Serialization;
using CcsviBot.Core.Answering;

namespace CcsviBot.Core.Evaluation;

/// <summary>The evaluation figures. Shares are in [0, 1]; a share with no questions behind it is 1 (nothing failed).</summary>
public sealed record EvaluationReport(
    int Questions,
    int InScope,
    int OutOfScope,
    int UrgentQuestions,
    double AnsweredCorrectly,
    double AnsweredWrongly,
    double ClarifiedWithRightCandidate,
    double RetrievalTop1,
    double MrrAt10,
    double NoneOnOutOfScope,
    double UrgentRecall,
    int FalseUrgent,
    [property: JsonIgnore] IReadOnlyList<EvaluationOutcome> Outcomes)
{
    // The figures serialise as they are (the CLI's --json); outcomes hold whole replies, so callers pick what to show.
    [JsonIgnore]
    public IEnumerable<EvaluationOutcome> Misses => Outcomes.Where(o => o.IsMiss);

    /// <summary>
    /// Questions no entry answers that got an entry anyway: the confidently wrong answer of an out-of-scope question, the
    /// worst of its misses (a clarification or the urgent reply at least does not present an answer as the answer).
    /// </summary>
    public int OutOfScopeAnswered => Outcomes.Count(o => o.Case.ExpectsNone && o.Reply.Kind == ReplyKind.Answer);

    /// <summary>The quality floors of the issue that this report does not meet (empty when all are met).</summary>
    public IReadOnlyList<string> FailedFloors()
    {
        var failed = new List<string>();
        if (AnsweredCorrectly < EvaluationFloors.AnsweredCorrectly)
        {
            failed.Add($"answered correctly {AnsweredCorrectly:P1} < {EvaluationFloors.AnsweredCorrectly:P0}");
        }

        if (AnsweredWrongly > EvaluationFloors.AnsweredWrongly)
        {
            failed.Add($"answered wrongly {AnsweredWrongly:P1} > {EvaluationFloors.AnsweredWrongly:P0}");
        }

        if (NoneOnOutOfScope < EvaluationFloors.NoneOnOutOfScope)
        {
            failed.Add($"none on out-of-scope {NoneOnOutOfScope:P1} < {EvaluationFloors.NoneOnOutOfScope:P0}");
        }

        if (UrgentRecall < EvaluationFloors.UrgentRecall)
        {
            failed.Add($"urgent recall {UrgentRecall:P1} < {EvaluationFloors.UrgentRecall:P0}");
        }

        return failed;
    }
}
