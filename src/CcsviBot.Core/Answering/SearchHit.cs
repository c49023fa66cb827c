using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Answering;

/// <summary>An entry with the engine's re-score for a text. Higher <see cref="Score"/> is better.</summary>
public sealed record SearchHit(FaqEntry Entry, double Score);
