using CcsviBot.Core.Faq;

namespace CcsviBot.Maintenance;

/// <summary>The outcome of one load attempt, as /admin/status and /healthz report it.</summary>
public sealed record ReloadResult(
    DateTimeOffset At,
    ReloadTrigger Trigger,
    bool Published,
    long? Version,
    int Entries,
    double DurationMilliseconds,
    IReadOnlyList<FaqDiagnostic> Errors,
    int Warnings);
