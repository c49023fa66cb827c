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

    /// <summary>The engine itself, for the next snapshot to take its classifier over and for calibration.</summary>
    internal AnswerEngine AnswerEngine { get; }

    public void Dispose() => AnswerEngine.Dispose();
}
