using CcsviBot.Core.Answering;

namespace CcsviBot.Core.Evaluation;

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
