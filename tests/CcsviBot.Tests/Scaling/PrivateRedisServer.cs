using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CcsviBot.Tests.Scaling;

/// <summary>
/// A redis-server of the test's own, on a free loopback port, so that it can be stopped and started again without
/// disturbing other tests. It persists every write before answering (append-only file, fsync always), as a
/// production store for Direct Line should, so a restart keeps everything it acknowledged.
/// </summary>
internal sealed class PrivateRedisServer : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ccsvibot-redis-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public PrivateRedisServer()
    {
        Directory.CreateDirectory(_directory);
        Port = FreePort();
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static string Executable => new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("redis-server is not installed (apt-get install redis-server; .ci/run installs it).");

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Executable)
        {
            ArgumentList = { "--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", _directory,
                "--appendonly", "yes", "--appendfsync", "always", "--save", "" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, patience.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, patience.Token);
            }
        }
    }

    /// <summary>Stops the server as an outage would, abruptly: only what it had fsynced survives.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        StopAsync().GetAwaiter().GetResult();
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
