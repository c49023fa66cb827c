namespace CcsviBot.Core.Search;

/// <summary>A user's text turned into safe search terms: normalised, spell-corrected, synonym-expanded, stemmed.</summary>
public sealed record AnalyzedQuery(IReadOnlyList<QueryTerm> Terms)
{
    public static AnalyzedQuery Empty { get; } = new([]);

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>The stop words of the text ("what", "is"): never searched, but they tell "what is X" from "I want X" when phrasings are compared.</summary>
    public IReadOnlyList<string> FunctionWords { get; init; } = [];
}
