using CcsviBot.Core.Answering;

namespace CcsviBot;

/// <summary>Thrown by <see cref="IKnowledgeBaseProvider.Current"/> while no snapshot is published (starting up, or the FAQ failed to load).</summary>
public sealed class KnowledgeBaseUnavailableException(string message) : InvalidOperationException(message);
