namespace CcsviBot.Core.Search;

/// <summary>
/// One query concept: the word (or multi-word term) the user meant plus its synonyms in <see cref="Alternatives"/>
/// (any of them may match). All text is in <see cref="Text.TextNormalizer"/> normal form.
/// </summary>
public sealed record QueryTerm(string Text, IReadOnlyList<string> Alternatives)
{
    /// <summary>What the user typed when <see cref="Text"/> is a spelling correction of it.</summary>
    public string? Original { get; init; }

    /// <summary>False when no form of the term occurs in the index: it cannot match, but it tells what the question is about.</summary>
    public bool Known { get; init; } = true;

    /// <summary>
    /// Per form of <see cref="Forms"/> (in that order), the <see cref="Text.FaqAnalyzer"/> stem of each of its words: the
    /// query is analysed once, and the index, the matcher, the classifier and the scope model all read these.
    /// </summary>
    public required IReadOnlyList<string[]> Stems { get; init; }

    public IEnumerable<string> Forms => Alternatives.Prepend(Text);

    /// <summary>Each form with its words and their stems.</summary>
    public IEnumerable<(string Form, string[] Words, string[] Stems)> FormsWithStems =>
        Forms.Select((form, i) => (form, form.Split(' ', StringSplitOptions.RemoveEmptyEntries), Stems[i]));
}
