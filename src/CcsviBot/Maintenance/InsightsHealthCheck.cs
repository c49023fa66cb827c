using CcsviBot.Insights;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CcsviBot.Maintenance;

/// <summary>Degraded while the analytics store fails: answers are unaffected, but records are being lost.</summary>
public sealed class InsightsHealthCheck(BackgroundInsightsRecorder recorder) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = recorder.Status;
        return Task.FromResult(status.Faulted
            ? HealthCheckResult.Degraded($"The analytics store fails: {status.LastError}", data: new Dictionary<string, object>
            {
                ["failed"] = status.Failed,
                ["dropped"] = status.Dropped,
            })
            : HealthCheckResult.Healthy());
    }
}
