namespace CcsviBot.Maintenance;

/// <summary>
/// Loads the FAQ after the host has started, so that /healthz can say "not ready" meanwhile. The loading itself is
/// <see cref="FaqReloader"/>'s, the same code that publishes every later edit.
/// </summary>
public sealed class KnowledgeBaseLoader(FaqReloader reloader) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => reloader.ReloadAsync(ReloadTrigger.Startup, stoppingToken);
}
