using CcsviBot.Meaning;
using Microsoft.Extensions.Options;

namespace CcsviBot;

/// <summary>Checks <see cref="MeaningOptions"/> at start-up (ValidateOnStart); the rules are <see cref="MeaningOptions.Problems"/>.</summary>
public sealed class MeaningOptionsValidator : IValidateOptions<MeaningOptions>
{
    public ValidateOptionsResult Validate(string? name, MeaningOptions options)
    {
        var failures = MeaningOptions.Problems(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
