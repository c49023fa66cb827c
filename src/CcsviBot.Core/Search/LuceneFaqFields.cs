namespace CcsviBot.Core.Search;

/// <summary>The Lucene fields of an entry and the boost each gets in a query.</summary>
internal sealed record LuceneFaqFields(IReadOnlyList<(string Field, float Boost)> Boosts)
{
    public const string Question = "question";
    public const string Alternates = "alternates";
    public const string Answer = "answer";

    public static LuceneFaqFields From(FieldWeights weights) =>
        new([(Question, weights.Question), (Alternates, weights.Alternates), (Answer, weights.Answer)]);
}
