using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CcsviBot.Testing;

namespace CcsviBot.Benchmarks;

/// <summary>
/// Throughput of whole Direct Line turns: the built host on 127.0.0.1, one conversation per connection, each posting
/// CCSVI questions back to back (a post returns once the bot has replied, so every 200 is an answered message). Reports
/// answered messages per second and the latency of a turn (p50, p95, p99) after a warm-up. Traffic goes to loopback only
/// and stops at the deadline. <c>--host DLL --root DIR --url URL --ready PATH</c> measure another build of the host (an
/// older commit, whose readiness page may be another) with the same client.
/// </summary>
internal static class DirectLineLoad
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    private static readonly string[] Questions =
    [
        "what is ccsvi", "does liberation therapy really work", "is venoplasty safe", "who gets ms", "what did zamboni find",
        "can stents move after the procedure", "where can i get the treatment", "is ccsvi inherited", "what causes ms",
        "what are the risks of venoplasty, can it cause bleeding or a blood clot?", "hello", "what does nice say about ccsvi",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = double.Parse(args[0], CultureInfo.InvariantCulture);
        var connections = int.Parse(args[1], CultureInfo.InvariantCulture);
        string? Option(string name) => Array.IndexOf(args, name) is var at && at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        if (seconds is <= 0 or > 600 || connections is < 1 or > 512)
        {
            Console.Error.WriteLine("load SECONDS (0-600] CONNECTIONS [1-512] [--host DLL --root DIR --url URL --ready PATH]");
            return 2;
        }

        if ((Option("--host") ?? BenchmarkHost.BuiltHost()) is not { } dll)
        {
            return 2;
        }

        var url = Option("--url") ?? $"http://127.0.0.1:{BenchmarkHost.FreePort()}";
        using var host = BenchmarkHost.Start(dll, url, Option("--root") ?? RepositoryPaths.Root);
        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            await BenchmarkHost.WaitReadyAsync(http, Option("--ready") ?? BenchmarkHost.ReadyPath);
            var latencies = new ConcurrentBag<double>();
            var statuses = new ConcurrentDictionary<int, int>();
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource(WarmUp + TimeSpan.FromSeconds(seconds));
            await Task.WhenAll(Enumerable.Range(0, connections).Select(i => ConversationAsync(http, i, clock, latencies, statuses, stop.Token)));
            var measured = clock.Elapsed - WarmUp;

            var sorted = latencies.Order().ToArray();
            double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{connections} conversations, {measured.TotalSeconds:F1} s after a {WarmUp.TotalSeconds:F0} s warm-up: {sorted.Length:N0} answered messages, {sorted.Length / measured.TotalSeconds:F0}/s; turn p50 {Percentile(0.50):F1} ms, p95 {Percentile(0.95):F1} ms, p99 {Percentile(0.99):F1} ms"));
            Console.WriteLine("Status codes: " + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value:N0}")));
            return statuses.Keys.Any(code => code >= 500) ? 1 : 0;
        }
        finally
        {
            BenchmarkHost.Stop(host);
        }
    }

    private static async Task ConversationAsync(HttpClient http, int index, Stopwatch clock, ConcurrentBag<double> latencies, ConcurrentDictionary<int, int> statuses, CancellationToken stop)
    {
        try
        {
            var token = (await PostAsync(http, "/api/directline/token", null, null, stop))?["token"]?.GetValue<string>();
            var conversation = await PostAsync(http, "/v3/directline/conversations", token, null, stop);
            var id = conversation?["conversationId"]?.GetValue<string>() ?? throw new InvalidOperationException("no conversation");
            token = conversation["token"]?.GetValue<string>() ?? token;
            for (var turn = 0; !stop.IsCancellationRequested; turn++)
            {
                var body = new JsonObject { ["type"] = "message", ["text"] = Questions[(index + turn) % Questions.Length], ["from"] = new JsonObject { ["id"] = $"load-{index}" } }.ToJsonString();
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{id}/activities") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var started = clock.Elapsed;
                using var response = await http.SendAsync(request, stop);
                var took = clock.Elapsed - started;
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if (response.IsSuccessStatusCode && started >= WarmUp)
                {
                    latencies.Add(took.TotalMilliseconds);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The deadline.
        }
    }

    private static async Task<JsonObject?> PostAsync(HttpClient http, string path, string? token, string? json, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json ?? "{}", Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, stop);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>(stop) : null;
    }
}
