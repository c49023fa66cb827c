using CcsviBot.Core.Faq;
using CcsviBot.Core.Meaning;

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

    /// <summary>Where the second opinion from meaning stands, derived from <see cref="MeaningReady"/>.</summary>
    public MeaningState MeaningState => AnswerEngine.MeaningReady switch
    {
        { IsCompletedSuccessfully: true } when !AnswerEngine.HasMeaning => MeaningState.Off,
        { IsCompletedSuccessfully: true } => MeaningState.Ready,
        { IsCompleted: true } => MeaningState.Failed,
        _ => MeaningState.Building,
    };

    /// <summary>The engine itself, for the next snapshot to take its classifier over and for calibration.</summary>
    internal AnswerEngine AnswerEngine { get; }

    public void Dispose() => AnswerEngine.Dispose();
}
