using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Answering;

/// <summary>
/// One published, immutable version of the FAQ: its content, its index and the engine over them.
/// A request takes the current snapshot once and finishes on it, even if a newer one is published meanwhile.
/// Disposing releases the index once the searches in flight have finished.
/// </summary>
public sealed class KnowledgeBase : IDisposable
{
    internal KnowledgeBase(FaqContent content, AnswerEngine engine, long version, DateTimeOffset builtAt)
    {
        Content = content;
        AnswerEngine = engine;
        Version = version;
        BuiltAt = builtAt;
    }

    public FaqContent Content { get; }
    public IAnswerEngine Engine => AnswerEngine;
    public long Version { get; }
    public DateTimeOffset BuiltAt { get; }

    /// <summary>
    /// Completes when the engine's second opinion from meaning is ready (at once without a meaning model); faults when
    /// the vectors could not be built, and the engine then answers by its words alone.
    /// </summary>
    public Task MeaningReady => AnswerEngine.MeaningReady;

    /// <summary>"off", "building", "ready" or "failed": the second opinion from meaning, for health details.</summary>
    public string MeaningStatus => AnswerEngine.MeaningReady switch
    {
        { IsCompletedSuccessfully: true } when !AnswerEngine.HasMeaning => "off",
        { IsCompletedSuccessfully: true } => "ready",
        { IsCompleted: true } => "failed",
        _ => "building",
    };

    /// <summary>The engine itself, for the next snapshot to take its classifier over and for calibration.</summary>
    internal AnswerEngine AnswerEngine { get; }

    public void Dispose() => AnswerEngine.Dispose();
}
