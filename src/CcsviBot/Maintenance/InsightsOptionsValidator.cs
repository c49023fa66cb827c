using CcsviBot.Insights;
using Microsoft.Extensions.Options;

namespace CcsviBot.Maintenance;

/// <summary>Start-up validation of the Insights section, with every problem in the message.</summary>
public sealed class InsightsOptionsValidator : IValidateOptions<InsightsOptions>
{
    public ValidateOptionsResult Validate(string? name, InsightsOptions options) =>
        options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
