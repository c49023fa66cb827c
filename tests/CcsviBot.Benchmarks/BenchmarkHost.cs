using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CcsviBot.Testing;

namespace CcsviBot.Benchmarks;

/// <summary>The built web host as a process of its own on 127.0.0.1, for the soak and load benchmarks.</summary>
internal static class BenchmarkHost
{
    public const string ReadyPath = "/healthz/ready";

    /// <summary>The host that <c>dotnet build -c Release</c> built in this repository, or null (reason on standard error).</summary>
    public static string? BuiltHost()
    {
        var dll = Path.Combine(RepositoryPaths.Root, "src", "CcsviBot", "bin", "Release", "net10.0", "CcsviBot.dll");
        if (File.Exists(dll))
        {
            return dll;
        }

        Console.Error.WriteLine($"Build the host first (dotnet build -c Release): {dll} not found.");
        return null;
    }

    /// <summary>
    /// Starts <paramref name="dll"/> on <paramref name="url"/> from <paramref name="workingDirectory"/> (the repository it
    /// belongs to), with analytics and file watching off and the per-address limits lifted, since a benchmark drives many
    /// conversations from one address; the memory bounds stay.
    /// </summary>
    public static Process Start(string dll, string url, string workingDirectory, params string[] settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            dll, "--urls", url, "--environment", "Production",
            "--Logging:LogLevel:Default=Warning",
            "--Insights:Enabled=false", "--Maintenance:WatchFaq=false",
            "--DirectLine:TokensPerMinute=10000", "--DirectLine:MessagesPerMinute=10000", "--DirectLine:RequestsPerMinute=100000",
            "--DirectLine:MaxConversationsPerAddress=100000", "--DirectLine:ConversationIdleTimeout=00:01:00",
            "--DirectLine:SweepInterval=00:00:10", "--DirectLine:EvictionProtection=00:00:30",
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        var process = Process.Start(start)!;
        // The console logger writes errors to standard output: pass them on, so a failing turn shows its exception.
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line && (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal) || line.StartsWith("      ", StringComparison.Ordinal))) Console.Error.WriteLine("host: " + line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("host: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits until <paramref name="readyPath"/> answers 2xx (a minute at most).</summary>
    public static async Task WaitReadyAsync(HttpClient http, string readyPath = ReadyPath)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                using var ready = await http.GetAsync(readyPath);
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The host did not become ready within a minute.");
    }

    public static void Stop(Process host)
    {
        if (!host.HasExited)
        {
            host.Kill(entireProcessTree: true);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
