namespace CcsviBot.Core.Faq;

/// <summary>A problem found in FAQ content, located for the maintainer who has to fix it.</summary>
public sealed record FaqDiagnostic(string File, int Line, DiagnosticSeverity Severity, string Message)
{
    public override string ToString() =>
        $"{File}:{Line}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Message}";
}
