namespace CcsviBot.Core.Answering;

/// <summary>Hands out the current knowledge base snapshot.</summary>
public interface IKnowledgeBaseProvider
{
    KnowledgeBase Current { get; }
}
