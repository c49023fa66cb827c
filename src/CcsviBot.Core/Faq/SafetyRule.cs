namespace CcsviBot.Core.Faq;

/// <summary>A phrase set that signals danger, and what to say instead of any FAQ answer.</summary>
public sealed record SafetyRule(string Id, IReadOnlyList<string> Phrases, string Reply);
