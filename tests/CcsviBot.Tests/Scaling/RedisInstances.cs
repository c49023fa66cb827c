using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CcsviBot.Tests.DirectLine;

namespace CcsviBot.Tests.Scaling;

/// <summary>
/// Bot instances sharing one Redis as separate deployments would: the same token signing key and key prefix (a prefix
/// of their own per test, so tests never see each other's conversations), each its own process state.
/// </summary>
internal static class RedisInstances
{
    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string NewPrefix() => "test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Deletes a test's keys from the shared server (conversations would expire; the counters would not).</summary>
    public static async Task ForgetAsync(string prefix)
    {
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(RedisFactAttribute.ConnectionString);
        var database = redis.GetDatabase();
        foreach (var server in redis.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: "{" + prefix + "}:*"))
            {
                await database.KeyDeleteAsync(key);
            }
        }
    }

    /// <summary>An instance of the Direct Line test host (recording bot, standing clock) on the shared Redis.</summary>
    public static DirectLineTestHost Start(string prefix, string? connectionString = null, Dictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Redis:ConnectionString"] = connectionString ?? RedisFactAttribute.ConnectionString,
            ["Redis:KeyPrefix"] = prefix,
            ["DirectLine:TokenSigningKey"] = SigningKey,
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return new DirectLineTestHost { Settings = all };
    }

    /// <summary>
    /// <see cref="Start"/>, then waits until the instance reports ready (its FAQ loaded and Redis connected): a host
    /// starts on its first request, and a request before its connection is up gets the 503 meant for an outage.
    /// </summary>
    public static async Task<DirectLineTestHost> StartReadyAsync(string prefix, string? connectionString = null, Dictionary<string, string>? settings = null)
    {
        var host = Start(prefix, connectionString, settings);
        try
        {
            using var client = host.CreateClient();
            await DirectLineTestHost.WaitUntilReadyAsync(client);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public static async Task<HttpResponseMessage> PostMessageAsync(HttpClient client, StartedConversation conversation, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Id}/activities")
        {
            Content = JsonContent.Create(new { type = "message", from = new { id = "visitor" }, text }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        return await client.SendAsync(request);
    }

    /// <summary>GET activities after <paramref name="watermark"/>: the texts in order, their ids, and the next watermark.</summary>
    public static async Task<(List<string> Texts, List<string> Ids, string Watermark)> ReadAsync(HttpClient client, StartedConversation conversation, string? watermark = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"/v3/directline/conversations/{conversation.Id}/activities" + (watermark is null ? "" : "?watermark=" + watermark));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var activities = body["activities"]!.AsArray();
        return ([.. activities.Select(a => a!["text"]?.GetValue<string>() ?? "")], [.. activities.Select(a => a!["id"]!.GetValue<string>())],
            body["watermark"]!.GetValue<string>());
    }

    /// <summary>Reads stream frames until one holds <paramref name="lastText"/>; every activity received, in order.</summary>
    public static async Task<List<JsonObject>> ReceiveUntilAsync(WebSocket socket, string lastText)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new List<JsonObject>();
        var buffer = new byte[64 * 1024];
        while (!received.Any(activity => activity["text"]?.GetValue<string>() == lastText))
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, patience.Token);
                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            var set = JsonNode.Parse(Encoding.UTF8.GetString(frame.ToArray()))!;
            received.AddRange(set["activities"]!.AsArray().Select(activity => activity!.AsObject()));
        }

        return received;
    }
}
