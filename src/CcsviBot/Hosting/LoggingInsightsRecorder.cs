using CcsviBot.Core.Insights;

namespace CcsviBot;

/// <summary>
/// Keeps turns and feedback in the log only (no question text: it may hold personal data). The maintainers' store
/// replaces this registration.
/// </summary>
public sealed partial class LoggingInsightsRecorder(ILogger<LoggingInsightsRecorder> logger) : IInsightsRecorder
{
    public void RecordTurn(TurnRecord turn) => LogTurn(turn.Channel, turn.Kind.ToString(), turn.EntryId, turn.Confidence);

    public void RecordFeedback(FeedbackRecord feedback) => LogFeedback(feedback.Channel, feedback.EntryId, feedback.Kind.ToString());

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn on {Channel}: {Kind} {EntryId} ({Confidence:0.00})")]
    private partial void LogTurn(string channel, string kind, string? entryId, double confidence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback on {Channel}: {EntryId} {Kind}")]
    private partial void LogFeedback(string channel, string entryId, string kind);
}
