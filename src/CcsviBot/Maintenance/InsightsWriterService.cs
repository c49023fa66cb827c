using CcsviBot.Insights;

namespace CcsviBot.Maintenance;

/// <summary>Runs the insights recorder's writer loop for the life of the host.</summary>
public sealed class InsightsWriterService(BackgroundInsightsRecorder recorder) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => recorder.RunAsync(stoppingToken);
}
