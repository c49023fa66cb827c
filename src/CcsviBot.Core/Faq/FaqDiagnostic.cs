namespace CcsviBot.Core.Faq;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>A problem found in FAQ content, located for the maintainer who has to fix it.</summary>
public sealed record FaqDiagnostic(string File, int Line, DiagnosticSeverity Severity, string Message)
{
    public override string ToString() =>
        $"{File}:{Line}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Message}";
}

/// <summary>What <see cref="FaqLoader.Load"/> found: the usable content (null when nothing could be loaded) and every problem.</summary>
public sealed record FaqLoadResult(FaqContent? Content, IReadOnlyList<FaqDiagnostic> Diagnostics)
{
    public bool HasErrors => Content is null || Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Where each loaded entry's fields are, for the checker's file:line messages.</summary>
    internal IReadOnlyDictionary<string, EntryLocation> Locations { get; init; } = new Dictionary<string, EntryLocation>();
}

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
