using CcsviBot.Insights;
using Microsoft.Extensions.Options;

namespace CcsviBot.Maintenance;

/// <summary>Runs the insights recorder's writer loop for the life of the host.</summary>
public sealed class InsightsWriterService(BackgroundInsightsRecorder recorder) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => recorder.RunAsync(stoppingToken);
}

/// <summary>Start-up validation of the Insights section, with every problem in the message.</summary>
public sealed class InsightsOptionsValidator : IValidateOptions<InsightsOptions>
{
    public ValidateOptionsResult Validate(string? name, InsightsOptions options) =>
        options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
