// TEMPORARY: stands in for the core contracts (docs/architecture.md) until branch `core` is merged; deleted then.
#pragma warning disable
using CcsviBot.Core.Answering;

namespace CcsviBot.Core.Faq
{
    public enum DiagnosticSeverity { Error, Warning }
    public sealed record FaqDiagnostic(string File, int Line, DiagnosticSeverity Severity, string Message)
    {
        public override string ToString() => $"{File}:{Line}: {Severity.ToString().ToLowerInvariant()}: {Message}";
    }
    public sealed record FaqLoadResult(FaqContent? Content, IReadOnlyList<FaqDiagnostic> Diagnostics)
    {
        public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
    }
    public static class FaqLoader
    {
        public static FaqLoadResult Load(string path) => new(null, [new(path, 0, DiagnosticSeverity.Error, "the FAQ loader is not merged yet")]);
    }
}

namespace CcsviBot.Core.Answering
{
    public sealed class AnsweringOptions { public const string SectionName = "Answering"; }
    public static class KnowledgeBaseFactory
    {
        public static KnowledgeBase Build(CcsviBot.Core.Faq.FaqContent content, AnsweringOptions options, long version) => throw new NotSupportedException();
    }
}

namespace CcsviBot.Core.Rendering
{
    public static class MarkdownReplyRenderer
    {
        public static string Render(Reply reply)
        {
            var parts = new List<string>();
            if (reply.Message is not null) parts.Add(reply.Message);
            if (reply.Entry is not null)
            {
                parts.Add(reply.Entry.Answer);
                var n = 0;
                parts.Add(string.Join("\n", reply.Entry.Sources.Where(s => !string.IsNullOrWhiteSpace(s.Url)).Select(s => $"[{++n}]: {s.Url} \"{s.Title}\"")));
            }
            parts.Add($"_{reply.Disclaimer}_");
            return string.Join("\n\n", parts);
        }
    }
}
