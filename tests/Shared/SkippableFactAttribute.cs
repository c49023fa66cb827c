namespace CcsviBot.Testing;

/// <summary>
/// A test that needs something this machine may lack. When skipped, the reason is also put into the test's name:
/// <c>dotnet test</c> at its default verbosity prints only "[SKIP]" and the name, never the reason.
/// </summary>
public abstract class SkippableFactAttribute(string test) : FactAttribute
{
    protected void SkipBecause(string reason)
    {
        Skip = reason;
        DisplayName = $"{test} [skipped: {reason}]";
    }
}
