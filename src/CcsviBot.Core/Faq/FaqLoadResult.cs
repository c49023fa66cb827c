namespace CcsviBot.Core.Faq;

/// <summary>What <see cref="FaqLoader.Load"/> found: the usable content (null when nothing could be loaded) and every problem.</summary>
public sealed record FaqLoadResult(FaqContent? Content, IReadOnlyList<FaqDiagnostic> Diagnostics)
{
    public bool HasErrors => Content is null || Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Where each loaded entry's fields are, for the checker's file:line messages.</summary>
    internal IReadOnlyDictionary<string, EntryLocation> Locations { get; init; } = new Dictionary<string, EntryLocation>();
}
