namespace CcsviBot.Core.Faq;

/// <summary>A citable source behind an answer passage.</summary>
public sealed record FaqSource(string Title, string? Publisher, int? Year, string? Url);
