using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Answering;

/// <summary>
/// The channel-neutral decision for one message. Channels render it (Markdown, Adaptive Cards…);
/// every rendering must carry <see cref="Disclaimer"/>, and an answer its entry's sources.
/// </summary>
public sealed record Reply
{
    public required ReplyKind Kind { get; init; }
    /// <summary>Calibrated confidence in [0, 1] that <see cref="Entry"/> (or the top candidate) answers the question.</summary>
    public double Confidence { get; init; }
    /// <summary>The answering entry for <see cref="ReplyKind.Answer"/>.</summary>
    public FaqEntry? Entry { get; init; }
    /// <summary>For <see cref="ReplyKind.Clarify"/>: up to three candidates, best first.</summary>
    public IReadOnlyList<FaqEntry> Candidates { get; init; } = [];
    /// <summary>Related questions after an answer, or starter questions after small talk / none.</summary>
    public IReadOnlyList<FaqEntry> Suggestions { get; init; } = [];
    /// <summary>Fixed text for urgent, small-talk, clarify and none replies (plain text, never the user's words).</summary>
    public string? Message { get; init; }
    /// <summary>
    /// One line on what to do if danger is happening now, for a message that mentions danger signs but reads as a
    /// question (the safety screen's note level). Channels show it with the reply, before the disclaimer.
    /// </summary>
    public string? SafetyNote { get; init; }
    /// <summary>For <see cref="ReplyKind.Urgent"/>: the safety rule whose reply <see cref="Message"/> is (emergency, crisis…).</summary>
    public string? SafetyRuleId { get; init; }
    public required string Disclaimer { get; init; }
}
