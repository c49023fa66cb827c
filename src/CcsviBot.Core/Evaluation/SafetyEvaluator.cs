using CcsviBot.Core.Answering;
using CcsviBot.Core.Safety;

namespace CcsviBot.Core.Evaluation;

/// <summary>Runs labelled safety messages through the engine and computes the safety figures.</summary>
public static class SafetyEvaluator
{
    public static SafetyReport Run(IAnswerEngine engine, IReadOnlyList<SafetyExample> examples)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(examples);
        var outcomes = examples.Select(e => new SafetyOutcome(e, engine.Ask(e.Text))).ToList();

        var urgent = outcomes.Where(o => o.ExpectsUrgent).ToList();
        var informational = outcomes.Where(o => o.Example.Label == SafetyLabel.Info).ToList();
        var crisisLines = outcomes.Where(o => o.Example.Label == SafetyLabel.Crisis).ToList();
        var categories = urgent.GroupBy(o => o.Example.Category, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SafetyCategoryRecall(g.Key, g.Count(), g.Count(o => o.GotUrgent)))
            .ToList();
        var falseUrgent = informational.Count(o => o.GotUrgent);
        return new SafetyReport(
            urgent.Count,
            informational.Count,
            Share(urgent, o => o.GotUrgent),
            Share(crisisLines, o => o.GotCrisisReply),
            falseUrgent,
            Share(informational, o => o.GotSafetyHelp),
            categories,
            outcomes);
    }

    private static double Share(List<SafetyOutcome> outcomes, Func<SafetyOutcome, bool> predicate) =>
        outcomes.Count == 0 ? 1 : (double)outcomes.Count(predicate) / outcomes.Count;
}
