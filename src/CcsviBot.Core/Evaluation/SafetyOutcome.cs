using CcsviBot.Core.Answering;
using CcsviBot.Core.Safety;

namespace CcsviBot.Core.Evaluation;

/// <summary>What one labelled safety message got.</summary>
public sealed record SafetyOutcome(SafetyExample Example, Reply Reply)
{
    public bool ExpectsUrgent => Example.Label is SafetyLabel.Emergency or SafetyLabel.Crisis;

    public bool GotUrgent => Reply.Kind == ReplyKind.Urgent;

    public bool GotCrisisReply => GotUrgent && Reply.SafetyRuleId == SafetyScreen.CrisisRuleId;

    /// <summary>An urgent reply or, short of it, a reply that carries the safety note: never a bare answer.</summary>
    public bool GotSafetyHelp => GotUrgent || Reply.SafetyNote is not null;

    /// <summary>How the reply reads in the report: "urgent (crisis)", "answer + note", "none"…</summary>
    public string Got => GotUrgent
        ? GotCrisisReply ? "urgent (crisis)" : "urgent (emergency)"
        : Reply.Kind.ToString().ToLowerInvariant() + (Reply.SafetyNote is null ? string.Empty : " + note");
}
