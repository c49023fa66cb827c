using Microsoft.Extensions.Options;

namespace CcsviBot;

/// <summary>
/// Checks options at start-up (ValidateOnStart) by their own <c>Problems</c> rules, the ones the command line applies
/// to the same settings, so that the bot and the command line refuse the same values with the same messages.
/// </summary>
public sealed class ProblemsValidator<TOptions>(Func<TOptions, IEnumerable<string>> problems) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = problems(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
