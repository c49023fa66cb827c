using CcsviBot.Insights;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CcsviBot.Maintenance;

/// <summary>
/// Degraded (HTTP 200 on /healthz) while the last FAQ edit was rejected and an older version is being served.
/// Deliberately not Unhealthy (503): every replica watches the same content, so a 503 would take them all out of the
/// load balancer at once for an edit that changes nothing for visitors. The errors are in the response for whoever looks.
/// </summary>
public sealed class FaqReloadHealthCheck(FaqReloader reloader) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var last = reloader.LastResult;
        if (last is null || last.Published || last.Version is null)
        {
            // Nothing tried yet, all well, or nothing published at all (the knowledge-base check reports that as 503).
            return Task.FromResult(HealthCheckResult.Healthy());
        }

        return Task.FromResult(HealthCheckResult.Degraded(
            $"The last FAQ edit was rejected with {last.Errors.Count} error(s); still serving version {last.Version}.",
            data: new Dictionary<string, object>
            {
                ["servingVersion"] = last.Version,
                ["rejectedAt"] = last.At,
                ["errors"] = last.Errors.Select(e => e.ToString()).Take(20).ToList(),
            }));
    }
}
