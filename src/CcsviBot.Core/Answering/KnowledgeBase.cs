using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Answering;

/// <summary>
/// One published, immutable version of the FAQ: its content, its index and the engine over them.
/// A request takes the current snapshot once and finishes on it, even if a newer one is published meanwhile.
/// Disposing releases the index once the searches in flight have finished.
/// </summary>
public sealed class KnowledgeBase(FaqContent content, IAnswerEngine engine, long version, DateTimeOffset builtAt) : IDisposable
{
    public FaqContent Content { get; } = content;
    public IAnswerEngine Engine { get; } = engine;
    public long Version { get; } = version;
    public DateTimeOffset BuiltAt { get; } = builtAt;

    public void Dispose() => (Engine as IDisposable)?.Dispose();
}

/// <summary>Hands out the current knowledge base snapshot.</summary>
public interface IKnowledgeBaseProvider
{
    KnowledgeBase Current { get; }
}
