using CcsviBot.Core.Answering;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CcsviBot;

/// <summary>Healthy once a knowledge base snapshot is published, with its version and size.</summary>
public sealed class KnowledgeBaseHealthCheck(IKnowledgeBaseProvider knowledgeBases) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var current = knowledgeBases.Current;
            return Task.FromResult(HealthCheckResult.Healthy(data: new Dictionary<string, object>
            {
                ["version"] = current.Version,
                ["entries"] = current.Content.Entries.Count,
                ["builtAt"] = current.BuiltAt,
                ["meaning"] = current.MeaningState.ToString().ToLowerInvariant(),
            }));
        }
        catch (KnowledgeBaseUnavailableException unavailable)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(unavailable.Message));
        }
    }
}
