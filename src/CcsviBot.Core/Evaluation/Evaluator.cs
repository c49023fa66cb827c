using System.Text.Json.Serialization;
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

/// <summary>Runs every case through the engine and computes the figures.</summary>
public static class Evaluator
{
    public const int MrrDepth = 10;

    public static EvaluationReport Run(IAnswerEngine engine, IReadOnlyList<EvaluationCase> cases)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(cases);
        var outcomes = cases
            .Select(c => new EvaluationOutcome(c, engine.Ask(c.Question), c.InScope ? engine.Search(c.Question, MrrDepth).Select(h => h.Entry.Id).ToList() : []))
            .ToList();

        var inScope = outcomes.Where(o => o.Case.InScope).ToList();
        var outOfScope = outcomes.Where(o => o.Case.ExpectsNone).ToList();
        var urgent = outcomes.Where(o => o.Case.ExpectsUrgent).ToList();

        static double Share<T>(List<T> items, Func<T, bool> predicate) => items.Count == 0 ? 1 : (double)items.Count(predicate) / items.Count;

        return new EvaluationReport(
            outcomes.Count,
            inScope.Count,
            outOfScope.Count,
            urgent.Count,
            Share(inScope, o => o.AnsweredCorrectly),
            inScope.Count == 0 ? 0 : Share(inScope, o => o.AnsweredWrongly),
            inScope.Count == 0 ? 0 : Share(inScope, o => o.ClarifiedWithRightCandidate),
            Share(inScope, o => o.RankedIds.Count > 0 && o.Case.ExpectedIds.Contains(o.RankedIds[0])),
            inScope.Count == 0 ? 1 : inScope.Average(o => o.ReciprocalRank),
            Share(outOfScope, o => o.Reply.Kind is ReplyKind.None or ReplyKind.SmallTalk),
            Share(urgent, o => o.Reply.Kind == ReplyKind.Urgent),
            outcomes.Count(o => !o.Case.ExpectsUrgent && o.Reply.Kind == ReplyKind.Urgent),
            outcomes);
    }
}
