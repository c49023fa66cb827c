namespace CcsviBot.Core.Faq;

/// <summary>One curated question/answer entry, whatever file format it came from.</summary>
public sealed record FaqEntry
{
    public required string Id { get; init; }
    public required string Question { get; init; }
    public IReadOnlyList<string> Alternates { get; init; } = [];
    /// <summary>The answer passage, Markdown.</summary>
    public required string Answer { get; init; }
    public IReadOnlyList<FaqSource> Sources { get; init; } = [];
    public IReadOnlyList<string> Related { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>
    /// What the entry is about, ids of <see cref="FaqContent.Subjects"/>; empty for the FAQ's main subject (the first
    /// listed). The engine never answers a question about one subject with an entry about another.
    /// </summary>
    public IReadOnlyList<string> Subjects { get; init; } = [];
    public DateOnly? Reviewed { get; init; }
    /// <summary>Where the entry was read from (file path, or file path and line for JSON Lines), for messages to maintainers.</summary>
    public string? Origin { get; init; }
}
