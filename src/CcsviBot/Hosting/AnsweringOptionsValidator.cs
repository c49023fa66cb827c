using CcsviBot.Core.Answering;
using Microsoft.Extensions.Options;

namespace CcsviBot;

/// <summary>Checks <see cref="AnsweringOptions"/> at start-up (ValidateOnStart); the rules are <see cref="AnsweringOptions.Problems"/>.</summary>
public sealed class AnsweringOptionsValidator : IValidateOptions<AnsweringOptions>
{
    public ValidateOptionsResult Validate(string? name, AnsweringOptions options)
    {
        var failures = AnsweringOptions.Problems(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
