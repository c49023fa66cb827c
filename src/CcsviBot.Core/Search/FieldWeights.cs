namespace CcsviBot.Core.Search;

/// <summary>How much each field counts when the index ranks candidates (boosts on the BM25 scores of each field).</summary>
public sealed record FieldWeights(float Question = 10, float Alternates = 6, float Answer = 1);
