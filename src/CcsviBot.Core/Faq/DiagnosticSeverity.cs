namespace CcsviBot.Core.Faq;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}
