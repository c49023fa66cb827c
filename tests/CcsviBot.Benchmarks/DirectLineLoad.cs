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
/// older commit, whose readiness page may be another) with the same client. <c>--redis HOST:PORT</c> then measures two
/// instances sharing that Redis in the same run (half the connections on each, every conversation crossing between
/// them) and reports the memory Redis holds per conversation.
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
            Console.Error.WriteLine("load SECONDS (0-600] CONNECTIONS [1-512] [--host DLL --root DIR --url URL --ready PATH] [--redis HOST:PORT]");
            return 2;
        }

        if ((Option("--host") ?? BenchmarkHost.BuiltHost()) is not { } dll)
        {
            return 2;
        }

        var redis = Option("--redis");
        var single = await MeasureOneInstanceAsync(dll, Option("--url"), Option("--root") ?? RepositoryPaths.Root, Option("--ready") ?? BenchmarkHost.ReadyPath, seconds, connections);
        Console.WriteLine("One instance, conversations in memory:");
        single.Print(connections);
        if (redis is null)
        {
            return single.Failed ? 1 : 0;
        }

        var (shared, bytesPerConversation, sample) = await MeasureTwoInstancesAsync(dll, redis, Option("--root") ?? RepositoryPaths.Root, seconds, connections);
        Console.WriteLine($"Two instances sharing Redis at {redis}, {connections / 2} connections on each (each conversation started on one, posting to the other):");
        shared.Print(connections);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Redis memory per conversation: {bytesPerConversation:N0} bytes (INFO memory growth / live conversations); MEMORY USAGE of one conversation's keys: {sample.Bytes:N0} bytes for {sample.Activities} kept activities, {(sample.Activities == 0 ? 0 : sample.Bytes / sample.Activities):N0} bytes each"));
        return single.Failed || shared.Failed ? 1 : 0;
    }

    private static async Task<LoadResult> MeasureOneInstanceAsync(string dll, string? url, string root, string readyPath, double seconds, int connections)
    {
        url ??= $"http://127.0.0.1:{BenchmarkHost.FreePort()}";
        using var host = BenchmarkHost.Start(dll, url, root);
        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            await BenchmarkHost.WaitReadyAsync(http, readyPath);
            return await MeasureAsync([http], seconds, connections);
        }
        finally
        {
            BenchmarkHost.Stop(host);
        }
    }

    /// <summary>Two hosts on one Redis (a key prefix of this run's own, removed afterwards), half the connections on each.</summary>
    private static async Task<(LoadResult Result, double BytesPerConversation, (long Bytes, long Activities) Sample)> MeasureTwoInstancesAsync(string dll, string redis, string root, double seconds, int connections)
    {
        var prefix = "load-" + Guid.NewGuid().ToString("N")[..8];
        string[] settings = [$"--Redis:ConnectionString={redis}", $"--Redis:KeyPrefix={prefix}",
            $"--DirectLine:TokenSigningKey={Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))}"];
        using var multiplexer = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis + ",allowAdmin=true");
        var database = multiplexer.GetDatabase();
        var server = multiplexer.GetServer(multiplexer.GetEndPoints()[0]);
        var before = UsedMemory(await server.InfoAsync("memory"));
        var urls = new[] { $"http://127.0.0.1:{BenchmarkHost.FreePort()}", $"http://127.0.0.1:{BenchmarkHost.FreePort()}" };
        var hosts = urls.Select(url => BenchmarkHost.Start(dll, url, root, settings)).ToList();
        var clients = new List<HttpClient>();
        try
        {
            foreach (var url in urls)
            {
                var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
                clients.Add(http);
                await BenchmarkHost.WaitReadyAsync(http);
            }

            var result = await MeasureAsync(clients, seconds, connections);
            var live = await database.SortedSetLengthAsync($"{{{prefix}}}:dl:live");
            var after = UsedMemory(await server.InfoAsync("memory"));
            var sample = (await database.SortedSetRangeByRankAsync($"{{{prefix}}}:dl:live", 0, 0)).FirstOrDefault();
            long sampleBytes = 0;
            long sampleActivities = 0;
            if (!sample.IsNull)
            {
                sampleActivities = await database.ListLengthAsync($"{{{prefix}}}:dl:log:{sample}");
                foreach (var key in new[] { $"{{{prefix}}}:dl:conv:{sample}", $"{{{prefix}}}:dl:log:{sample}" })
                {
                    var usage = await database.ExecuteAsync("MEMORY", "USAGE", key);
                    sampleBytes += usage.IsNull ? 0 : (long)usage;
                }
            }

            return (result, live == 0 ? double.NaN : (double)(after - before) / live, (sampleBytes, sampleActivities));
        }
        finally
        {
            hosts.ForEach(BenchmarkHost.Stop);
            clients.ForEach(client => client.Dispose());
            foreach (var key in server.Keys(pattern: $"{{{prefix}}}:*"))
            {
                await database.KeyDeleteAsync(key);
            }
        }
    }

    private static long UsedMemory(IGrouping<string, KeyValuePair<string, string>>[] info) =>
        long.Parse(info.SelectMany(group => group).First(pair => pair.Key == "used_memory").Value, CultureInfo.InvariantCulture);

    /// <summary>Drives <paramref name="connections"/> conversations against the instances behind <paramref name="clients"/>.</summary>
    private static async Task<LoadResult> MeasureAsync(IReadOnlyList<HttpClient> clients, double seconds, int connections)
    {
        var latencies = new ConcurrentBag<double>();
        var statuses = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(WarmUp + TimeSpan.FromSeconds(seconds));
        // With two instances, connection i starts its conversation on one and posts to the other: every turn crosses.
        await Task.WhenAll(Enumerable.Range(0, connections).Select(i =>
            ConversationAsync(clients[(i + 1) % clients.Count], clients[i % clients.Count], i, clock, latencies, statuses, stop.Token)));
        var measured = clock.Elapsed - WarmUp;
        return new LoadResult([.. latencies.Order()], measured, statuses);
    }

    private sealed record LoadResult(double[] Sorted, TimeSpan Measured, ConcurrentDictionary<int, int> Statuses)
    {
        public bool Failed => Statuses.Keys.Any(code => code >= 500);

        public void Print(int connections)
        {
            double Percentile(double p) => Sorted.Length == 0 ? double.NaN : Sorted[Math.Min(Sorted.Length - 1, (int)(p * Sorted.Length))];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {connections} conversations, {Measured.TotalSeconds:F1} s after a {WarmUp.TotalSeconds:F0} s warm-up: {Sorted.Length:N0} answered messages, {Sorted.Length / Measured.TotalSeconds:F0}/s; turn p50 {Percentile(0.50):F1} ms, p95 {Percentile(0.95):F1} ms, p99 {Percentile(0.99):F1} ms"));
            Console.WriteLine("  Status codes: " + string.Join(", ", Statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value:N0}")));
        }
    }

    private static async Task ConversationAsync(HttpClient starter, HttpClient http, int index, Stopwatch clock, ConcurrentBag<double> latencies, ConcurrentDictionary<int, int> statuses, CancellationToken stop)
    {
        try
        {
            var token = (await PostAsync(starter, "/api/directline/token", null, null, stop))?["token"]?.GetValue<string>();
            var conversation = await PostAsync(starter, "/v3/directline/conversations", token, null, stop);
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
