namespace CcsviBot.Core.Answering;

/// <summary>A provider with one snapshot for the process's lifetime (the command line, tests).</summary>
public sealed class StaticKnowledgeBaseProvider(KnowledgeBase current) : IKnowledgeBaseProvider
{
    public KnowledgeBase Current { get; } = current;
}
