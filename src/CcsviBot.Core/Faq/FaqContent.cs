using CcsviBot.Core.Safety;

namespace CcsviBot.Core.Faq;

/// <summary>Everything the answer engine needs from an FAQ source, loaded and validated.</summary>
public sealed record FaqContent(
    IReadOnlyList<FaqEntry> Entries,
    string Disclaimer,
    IReadOnlyList<SafetyRule> SafetyRules,
    IReadOnlyList<IReadOnlyList<string>> SynonymGroups)
{
    public IReadOnlyList<SmallTalkIntent> SmallTalk { get; init; } = [];

    /// <summary>Questions the FAQ does not answer, as visitors ask them: they teach the engine what "out of scope" sounds like.</summary>
    public IReadOnlyList<string> OutOfScopeExamples { get; init; } = [];

    /// <summary>What questions can be about (<c>subjects.yaml</c>), the FAQ's main subject first; empty: no subject check.</summary>
    public IReadOnlyList<FaqConcept> Subjects { get; init; } = [];

    /// <summary>
    /// What questions can ask for that an entry answers only if it says so (<c>asks.yaml</c>: prevention, cost, a
    /// dose…); empty: no such check.
    /// </summary>
    public IReadOnlyList<FaqConcept> Asks { get; init; } = [];

    /// <summary>The safety screen's numbers, notes, situations and labelled examples (its phrase rules are <see cref="SafetyRules"/>).</summary>
    public SafetyContent Safety { get; init; } = SafetyContent.Empty;

    public FaqEntry? Find(string id) => Entries.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));
}
