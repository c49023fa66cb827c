using System.Runtime.CompilerServices;
using CcsviBot.Testing;

namespace CcsviBot.Tests.DirectLine;

/// <summary>
/// A browser test: skipped, with the reason, only on a developer machine without Debian's Chromium.
/// In CI (CI=true) it always runs, so a missing browser fails instead of passing silently.
/// </summary>
public sealed class ChromiumFactAttribute : SkippableFactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute([CallerMemberName] string test = "")
        : base(test)
    {
        if (!File.Exists(ChromiumPath) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            SkipBecause($"{ChromiumPath} is missing: run `apt-get update && apt-get install -y chromium` (CI installs it and never skips)");
        }
    }
}
