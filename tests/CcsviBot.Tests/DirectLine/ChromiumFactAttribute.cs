namespace CcsviBot.Tests.DirectLine;

/// <summary>
/// A browser test: skipped, with the reason, only on a developer machine without Debian's Chromium.
/// In CI (CI=true) it always runs, so a missing browser fails instead of passing silently.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"{ChromiumPath} is missing: run `apt-get update && apt-get install -y chromium` (CI installs it and never skips).";
        }
    }
}
