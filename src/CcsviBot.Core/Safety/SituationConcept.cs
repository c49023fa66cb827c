namespace CcsviBot.Core.Safety;

/// <summary>One part of a dangerous situation ("medicine", "quantity", "now"…) and the words people use for it.</summary>
public sealed record SituationConcept(string Name, IReadOnlyList<string> Phrases);
