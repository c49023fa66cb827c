using System.ComponentModel.DataAnnotations;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Configuration;
using CcsviBot.Core.Faq;
using Microsoft.Extensions.Options;

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
    private volatile KnowledgeBase? current;
    private volatile string unavailableReason = "The FAQ is still loading.";

    public KnowledgeBase Current => current ?? throw new KnowledgeBaseUnavailableException(unavailableReason);

    public void Publish(KnowledgeBase knowledgeBase) => current = knowledgeBase;

    public void Fail(string reason) => unavailableReason = reason;

    public void Dispose() => current?.Dispose();
}

/// <summary>Loads the FAQ after the host has started, so that /healthz can say "not ready" meanwhile.</summary>
public sealed partial class KnowledgeBaseLoader(
    StartupKnowledgeBaseProvider provider,
    IOptions<FaqOptions> faqOptions,
    IOptions<AnsweringOptions> answeringOptions,
    IConfiguration configuration,
    ILogger<KnowledgeBaseLoader> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(Load, stoppingToken);

    private void Load()
    {
        var path = SettingsLocator.ResolvePath(faqOptions.Value.Path, configuration[RepositorySettings.SettingsDirectoryKey]);
        try
        {
            var result = FaqLoader.Load(path);
            foreach (var diagnostic in result.Diagnostics)
            {
                LogDiagnostic(diagnostic.ToString());
            }

            if (result.HasErrors || result.Content is null)
            {
                var reason = $"The FAQ at {path} has errors; the bot answers nothing until they are fixed (see the log).";
                LogFailed(path);
                provider.Fail(reason);
                return;
            }

            var knowledgeBase = KnowledgeBaseFactory.Build(result.Content, answeringOptions.Value, version: 1);
            provider.Publish(knowledgeBase);
            LogLoaded(knowledgeBase.Content.Entries.Count, path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogUnreadable(exception, path);
            provider.Fail($"The FAQ at {path} could not be read: {exception.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Diagnostic}")]
    private partial void LogDiagnostic(string diagnostic);

    [LoggerMessage(Level = LogLevel.Error, Message = "The FAQ at {Path} has errors; not answering until they are fixed")]
    private partial void LogFailed(string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "The FAQ at {Path} could not be read")]
    private partial void LogUnreadable(Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base ready: {EntryCount} entries from {Path}")]
    private partial void LogLoaded(int entryCount, string path);
}
