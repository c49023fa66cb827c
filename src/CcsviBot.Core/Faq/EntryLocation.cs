namespace CcsviBot.Core.Faq;

/// <summary>The file and line of an entry and of its fields (1-based lines; the entry's first line when a field is absent).</summary>
internal sealed record EntryLocation(string File, int Line, bool FromMarkdown)
{
    public Dictionary<string, int> FieldLines { get; } = new(StringComparer.Ordinal);
    public List<int> AlternateLines { get; } = [];
    public List<int> SourceLines { get; } = [];
    public List<int> RelatedLines { get; } = [];
    public int BodyLine { get; set; }

    public int LineOf(string field) => FieldLines.GetValueOrDefault(field, Line);
}
