using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using CcsviBot.Testing;

namespace CcsviBot.Benchmarks;

/// <summary>
/// Soak test of the Direct Line channel: starts the built host as its own process on 127.0.0.1, drives mixed traffic
/// (new conversations, posts, polls, streams, token refreshes, now and then a 100 KB activity of tiny properties) from a
/// few workers for the given number of minutes, samples the host's working set every 5 seconds, and reports the first
/// and last minute and every status code. Traffic goes to loopback only; it stops at the deadline or after
/// <see cref="MaxRequests"/> requests, whichever comes first. Exit code 1 when any response was a 5xx.
/// </summary>
internal static class DirectLineSoak
{
    private const int MaxRequests = 5_000_000;
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(double minutes, int workers)
    {
        if (BenchmarkHost.BuiltHost() is not { } dll)
        {
            return 2;
        }

        var baseUrl = $"http://127.0.0.1:{BenchmarkHost.FreePort()}";
        using var host = BenchmarkHost.Start(dll, baseUrl, RepositoryPaths.Root);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
            await BenchmarkHost.WaitReadyAsync(http);
            Console.WriteLine($"Host pid {host.Id} on {baseUrl}; {workers} workers for {minutes} min.");

            var stats = new Stats();
            using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
            var started = Stopwatch.StartNew();
            var samples = new List<(TimeSpan At, long WorkingSet, long Managed)>();
            var sampler = SampleAsync(host, started, samples, stop.Token);
            var tasks = Enumerable.Range(0, workers).Select(i => WorkerAsync(http, baseUrl, i, stats, stop.Token)).ToList();
            await Task.WhenAll(tasks);
            await sampler;

            Report(samples, stats, started.Elapsed);
            return stats.ServerErrors == 0 && !host.HasExited ? 0 : 1;
        }
        finally
        {
            BenchmarkHost.Stop(host);
        }
    }

    private static async Task SampleAsync(Process host, Stopwatch clock, List<(TimeSpan, long, long)> samples, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(SampleEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                host.Refresh();
                samples.Add((clock.Elapsed, host.WorkingSet64, host.PrivateMemorySize64));
            }
        }
        catch (OperationCanceledException)
        {
            host.Refresh();
            samples.Add((clock.Elapsed, host.WorkingSet64, host.PrivateMemorySize64));
        }
    }

    /// <summary>One visitor after another: token, start, stream, a few posts and polls, a refresh, then leave (it expires).</summary>
    private static async Task WorkerAsync(HttpClient http, string baseUrl, int worker, Stats stats, CancellationToken stop)
    {
        var big = BigActivity();
        var questions = new[] { "what is ccsvi", "is liberation therapy safe", "who gets ms", "does venoplasty work", "what did zamboni find" };
        var round = 0;
        while (!stop.IsCancellationRequested && stats.Requests < MaxRequests)
        {
            round++;
            try
            {
                var token = (await Send(http, HttpMethod.Post, "/api/directline/token", null, null, stats, stop))?["token"]?.GetValue<string>();
                var conversation = await Send(http, HttpMethod.Post, "/v3/directline/conversations", token, null, stats, stop);
                if (token is null || conversation is null)
                {
                    await Task.Delay(500, stop);
                    continue;
                }

                var id = conversation["conversationId"]!.GetValue<string>();
                token = conversation["token"]!.GetValue<string>();
                using var socket = new ClientWebSocket();
                var streamUrl = conversation["streamUrl"]!.GetValue<string>();
                Task? reading = null;
                if (round % 2 == 0)
                {
                    await socket.ConnectAsync(new Uri(streamUrl), stop);
                    stats.Count(101);
                    reading = DrainAsync(socket, stop);
                }

                var watermark = "";
                for (var i = 0; i < 4 && !stop.IsCancellationRequested; i++)
                {
                    var body = round % 10 == 0 && i == 0 ? big : new JsonObject
                    {
                        ["type"] = "message",
                        ["text"] = questions[(round + i) % questions.Length],
                        ["channelData"] = new JsonObject { ["clientActivityID"] = $"w{worker}-{round}-{i}" },
                    }.ToJsonString();
                    await Send(http, HttpMethod.Post, $"/v3/directline/conversations/{id}/activities", token, body, stats, stop);
                    var set = await Send(http, HttpMethod.Get, $"/v3/directline/conversations/{id}/activities?watermark={watermark}", token, null, stats, stop);
                    watermark = set?["watermark"]?.GetValue<string>() ?? watermark;
                    await Task.Delay(50, stop);
                }

                var refreshed = await Send(http, HttpMethod.Post, "/v3/directline/tokens/refresh", token, null, stats, stop);
                token = refreshed?["token"]?.GetValue<string>() ?? token;
                await Send(http, HttpMethod.Get, $"/v3/directline/conversations/{id}?watermark={watermark}", token, null, stats, stop);
                if (reading is not null && socket.State == WebSocketState.Open)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", stop);
                    await reading;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or WebSocketException or IOException)
            {
                stats.Failure(exception);
            }
        }
    }

    private static async Task DrainAsync(ClientWebSocket socket, CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var received = await socket.ReceiveAsync(buffer, stop);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Counted by the caller's outcome; the stream is done either way.
        }
    }

    private static async Task<JsonObject?> Send(HttpClient http, HttpMethod method, string path, string? token, string? json, Stats stats, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, stop);
        stats.Count((int)response.StatusCode);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        return await response.Content.ReadFromJsonAsync<JsonObject>(stop);
    }

    /// <summary>About 100 KB of tiny JSON properties in channelData: the shape that cost 27 times its size when kept whole.</summary>
    private static string BigActivity()
    {
        var json = new StringBuilder("""{"type":"message","text":"what is ccsvi","channelData":{"clientActivityID":"big","bulk":{""");
        for (var i = 0; json.Length < 100_000; i++)
        {
            json.Append(i == 0 ? "" : ",").Append('"').Append(i.ToString("x", CultureInfo.InvariantCulture)).Append("\":1");
        }

        return json.Append("}}}").ToString();
    }

    private static void Report(List<(TimeSpan At, long WorkingSet, long Managed)> samples, Stats stats, TimeSpan elapsed)
    {
        static string Mb(double bytes) => (bytes / (1024 * 1024)).ToString("F0", CultureInfo.InvariantCulture) + " MB";
        var firstMinute = samples.Where(s => s.At <= TimeSpan.FromMinutes(1)).ToList();
        var lastMinute = samples.Where(s => s.At >= elapsed - TimeSpan.FromMinutes(1)).ToList();
        Console.WriteLine($"Elapsed {elapsed.TotalMinutes:F1} min, {stats.Requests:N0} requests ({stats.Requests / elapsed.TotalSeconds:F0}/s), {stats.Failures} transport failures.");
        Console.WriteLine("Status codes: " + string.Join(", ", stats.Statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value:N0}")));
        Console.WriteLine($"5xx responses: {stats.ServerErrors}");
        foreach (var (name, window) in new[] { ("first minute", firstMinute), ("last minute", lastMinute) })
        {
            if (window.Count > 0)
            {
                Console.WriteLine($"Working set, {name}: mean {Mb(window.Average(s => s.WorkingSet))}, min {Mb(window.Min(s => s.WorkingSet))}, max {Mb(window.Max(s => s.WorkingSet))}; private bytes mean {Mb(window.Average(s => s.Managed))}");
            }
        }

        Console.WriteLine("Samples (s: working set MB): " + string.Join(" ", samples.Select(s => $"{s.At.TotalSeconds:F0}:{s.WorkingSet / (1024 * 1024)}")));
        if (stats.FirstFailure is { } failure)
        {
            Console.WriteLine("First transport failure: " + failure);
        }
    }

    private sealed class Stats
    {
        private readonly Lock _gate = new();
        private long _requests;

        public Dictionary<int, long> Statuses { get; } = [];

        public long Requests => Interlocked.Read(ref _requests);

        public long ServerErrors
        {
            get
            {
                lock (_gate)
                {
                    return Statuses.Where(p => p.Key >= 500).Sum(p => p.Value);
                }
            }
        }

        public int Failures { get; private set; }

        public string? FirstFailure { get; private set; }

        public void Count(int status)
        {
            Interlocked.Increment(ref _requests);
            lock (_gate)
            {
                Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
            }
        }

        public void Failure(Exception exception)
        {
            lock (_gate)
            {
                Failures++;
                FirstFailure ??= exception.GetType().Name + ": " + exception.Message;
            }
        }
    }
}
