namespace CcsviBot.Core.Safety;

/// <summary>
/// One part of a dangerous situation ("medicine", "bleeding"…) or of its circumstances ("now", "a question", "someone
/// else": <paramref name="IsContext"/>), and the words people use for it.
/// </summary>
public sealed record SituationConcept(string Name, IReadOnlyList<string> Phrases, bool IsContext = false);
