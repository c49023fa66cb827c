using System.ComponentModel.DataAnnotations;
using CcsviBot.Core.Answering;

namespace CcsviBot;

/// <summary>Where the FAQ content lives (section <c>Faq</c>).</summary>
public sealed class FaqOptions
{
    public const string SectionName = "Faq";

    /// <summary>A folder like <c>faq/</c> or a <c>.jsonl[.gz]</c> file; relative paths resolve against the folder of appsettings.json.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "faq";
}

/// <summary>Thrown by <see cref="IKnowledgeBaseProvider.Current"/> while no snapshot is published (starting up, or the FAQ failed to load).</summary>
public sealed class KnowledgeBaseUnavailableException(string message) : InvalidOperationException(message);

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
