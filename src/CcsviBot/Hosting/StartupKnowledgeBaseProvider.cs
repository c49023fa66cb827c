using System.ComponentModel.DataAnnotations;
using CcsviBot.Core.Answering;

namespace CcsviBot;

/// <summary>
/// A knowledge base published once at start-up and then kept. Until then (or if loading failed) <see cref="Current"/>
/// throws <see cref="KnowledgeBaseUnavailableException"/>, which the health check and the channels report as 503.
/// </summary>
public sealed class StartupKnowledgeBaseProvider : IKnowledgeBaseProvider, IDisposable
{
    private KnowledgeBase? current;
    private volatile string unavailableReason = "The FAQ is still loading.";

    public KnowledgeBase Current => Volatile.Read(ref current) ?? throw new KnowledgeBaseUnavailableException(unavailableReason);

    /// <summary>Swaps in <paramref name="knowledgeBase"/> atomically; returns the snapshot it replaces (the caller retires it).</summary>
    public KnowledgeBase? Publish(KnowledgeBase knowledgeBase) => Interlocked.Exchange(ref current, knowledgeBase);

    public void Fail(string reason) => unavailableReason = reason;

    public void Dispose() => current?.Dispose();
}
