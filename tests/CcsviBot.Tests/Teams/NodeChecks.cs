using System.Diagnostics;

namespace CcsviBot.Tests.Teams;

/// <summary>
/// Runs the Node checks in tests/cards-check (the adaptivecards parser and the Teams manifest schema), installing
/// their pinned packages with <c>npm ci</c> once when node_modules is missing.
/// </summary>
public sealed class NodeChecks
{
    private readonly SemaphoreSlim installLock = new(1, 1);
    private bool installed;

    public string Folder { get; } = FindCardsCheckFolder();

    public async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] arguments)
    {
        await EnsureInstalledAsync();
        return await ChildProcess.RunAsync("node", [Path.Combine(Folder, script), .. arguments], Folder);
    }

    private async Task EnsureInstalledAsync()
    {
        await installLock.WaitAsync();
        try
        {
            if (installed || Directory.Exists(Path.Combine(Folder, "node_modules", "adaptivecards")) && Directory.Exists(Path.Combine(Folder, "node_modules", "ajv-draft-04")))
            {
                installed = true;
                return;
            }

            var (exitCode, output) = await ChildProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], Folder);
            Assert.True(exitCode == 0, $"npm ci in {Folder} failed:\n{output}");
            installed = true;
        }
        finally
        {
            installLock.Release();
        }
    }

    private static string FindCardsCheckFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "cards-check");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/cards-check not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Tests that run Node share one installation and never run npm ci concurrently.</summary>
[CollectionDefinition(Name)]
public sealed class NodeChecksCollection : ICollectionFixture<NodeChecks>
{
    public const string Name = "Node checks";
}

/// <summary>Runs a program to completion (bounded by a timeout) and returns its exit code and combined output.</summary>
internal static class ChildProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
