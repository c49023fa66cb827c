using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using CcsviBot.Channels.DirectLine;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CcsviBot.Tests.DirectLine;

/// <summary>Issue #15: bounded memory, invalid text at the edge, fair admission, liveness of streams and refreshes.</summary>
/// <remarks>Alone, not beside other test classes: the memory test reads the process's heap, which tests running in
/// parallel would grow too.</remarks>
[Collection(nameof(HeapMeasurementCollection))]
public sealed class DirectLineHardeningTests
{
    [Fact]
    public async Task Posting_large_activities_of_many_small_properties_holds_only_what_direct_line_needs()
    {
        using var host = new DirectLineTestHost { Settings = { ["DirectLine:MessagesPerMinute"] = "1000" } };
        var client = host.CreateClient();
        var store = host.Services.GetRequiredService<IDirectLineConversationStore>();
        var conversations = new List<StartedConversation>();
        for (var i = 0; i < 4; i++)
        {
            conversations.Add(await host.StartConversationAsync(client));
        }

        var payload = ManySmallProperties(100_000);
        await DirectLineTestHost.WaitUntilReadyAsync(client);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var bytesBefore = store.BytesHeld;
        foreach (var conversation in conversations)
        {
            for (var i = 0; i < 20; i++)
            {
                using var response = await PostRaw(client, conversation, payload);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        host.Bot.Received.Clear(); // the test bot keeps a copy of what it saw; the channel must not
        var heldByStore = store.BytesHeld - bytesBefore;
        var heldInHeap = GC.GetTotalMemory(forceFullCollection: true) - before;

        // 8 MB of JSON posted. Kept whole (as parsed trees) it was hundreds of MB; the echo keeps text and ids only.
        Assert.InRange(heldByStore, 1, 256 * 1024);
        Assert.True(heldInHeap < 32L * 1024 * 1024, $"the heap grew by {heldInHeap:N0} bytes");
        GC.KeepAlive(conversations);
    }

    [Fact]
    public async Task Past_the_byte_budget_a_post_is_refused_with_a_direct_line_error()
    {
        using var host = new DirectLineTestHost
        {
            Settings =
            {
                ["DirectLine:MessagesPerMinute"] = "1000",
                ["DirectLine:MaxStoreBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["DirectLine:MaxBytesPerConversation"] = (600 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["DirectLine:MaxActivitiesPerConversation"] = "10000",
            },
        };
        var client = host.CreateClient();
        var first = await host.StartConversationAsync(client);
        var second = await host.StartConversationAsync(client);
        var text = new string('z', 60_000);

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 40 && refused is null; i++)
        {
            var response = await Post(client, i % 2 == 0 ? first : second, DirectLineApiTests.WebChatMessage(text, "m" + i));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        await DirectLineApiTests.AssertError(refused, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.True(host.Services.GetRequiredService<IDirectLineConversationStore>().BytesHeld <= 1024 * 1024 + 64 * 1024);
    }

    [Theory]
    [InlineData("""{"type":"message","text":"hi","channelData":{"clientActivityID":"a","x":"\ud800"}}""")]
    [InlineData("""{"type":"message","text":"hi","value":"\ud800"}""")]
    [InlineData("""{"type":"message","text":"hi","entities":[{"type":"x","y":"\udfff\ud800"}]}""")]
    [InlineData("""{"type":"message","text":"hi","somethingUnknown":{"deep":["\ud800"]}}""")]
    [InlineData("""{"type":"message","text":"hi","channelData":{"\ud800":"key"}}""")]
    [InlineData("""{"type":"message","text":"lone \ud83d"}""")]
    public async Task A_lone_surrogate_anywhere_in_an_activity_is_a_400_and_the_transcript_stays_readable(string json)
    {
        using var host = new DirectLineTestHost();
        var client = host.CreateClient();
        var started = await host.StartConversationAsync(client);

        using var posted = await PostRaw(client, started, json);
        await DirectLineApiTests.AssertError(posted, HttpStatusCode.BadRequest, "BadArgument");

        using var fine = await PostRaw(client, started, """{"type":"message","text":"a real pair \ud83d\ude00"}""");
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{started.Id}/activities");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", started.Token);
        using var transcript = await client.SendAsync(read);
        Assert.Equal(HttpStatusCode.OK, transcript.StatusCode);
        var texts = (await transcript.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray().Select(a => a!["text"]?.GetValue<string>());
        Assert.Contains("a real pair 😀", texts);
    }

    [Fact]
    public async Task Error_bodies_do_not_repeat_serializer_internals()
    {
        using var host = new DirectLineTestHost();
        var client = host.CreateClient();
        var started = await host.StartConversationAsync(client);

        using var response = await PostRaw(client, started, """{"type":"message","text":{"not":"a string"}}""");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("System.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Path:", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_the_conversation_cap_live_conversations_stay_and_a_new_start_gets_503_with_retry_after()
    {
        using var host = new DirectLineTestHost { Settings = { ["DirectLine:MaxConversations"] = "2" } };
        var client = host.CreateClient();
        var first = await host.StartConversationAsync(client);
        await host.StartConversationAsync(client);

        var token = (await (await client.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var refused = await client.SendAsync(start);

        await DirectLineApiTests.AssertError(refused, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
        Assert.Equal(TimeSpan.FromMinutes(10), refused.Headers.RetryAfter?.Delta);
        using var stillThere = await Post(client, first, DirectLineApiTests.WebChatMessage("still here?", "s"));
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task Retry_after_is_what_is_left_of_the_window()
    {
        using var host = new DirectLineTestHost();
        var client = host.CreateClient();
        var started = await host.StartConversationAsync(client);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Post(client, started, DirectLineApiTests.WebChatMessage("q" + i, "c" + i))).StatusCode);
        }

        host.Clock.Advance(TimeSpan.FromSeconds(45));
        using var limited = await Post(client, started, DirectLineApiTests.WebChatMessage("one more", "c7"));

        await DirectLineApiTests.AssertError(limited, HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.Equal(TimeSpan.FromSeconds(15), limited.Headers.RetryAfter?.Delta);
        host.Clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(HttpStatusCode.OK, (await Post(client, started, DirectLineApiTests.WebChatMessage("now", "c8"))).StatusCode);
    }

    [Fact]
    public async Task Token_refreshes_keep_a_conversation_alive()
    {
        using var host = new DirectLineTestHost { Settings = { ["DirectLine:ConversationIdleTimeout"] = "00:01:00" } };
        var client = host.CreateClient();
        var started = await host.StartConversationAsync(client);
        var token = started.Token;

        for (var i = 0; i < 4; i++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(40));
            using var refreshed = await Send(client, HttpMethod.Post, "/v3/directline/tokens/refresh", token);
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
            token = (await refreshed.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        }

        ((InMemoryDirectLineConversationStore)host.Services.GetRequiredService<IDirectLineConversationStore>()).RemoveIdle();
        using var read = await Send(client, HttpMethod.Get, $"/v3/directline/conversations/{started.Id}/activities", token);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Refresh_is_refused_for_a_conversation_that_never_started_or_has_expired()
    {
        using var host = new DirectLineTestHost { Settings = { ["DirectLine:ConversationIdleTimeout"] = "00:01:00" } };
        var client = host.CreateClient();
        var neverStarted = (await (await client.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        var started = await host.StartConversationAsync(client);

        using var forNothing = await Send(client, HttpMethod.Post, "/v3/directline/tokens/refresh", neverStarted);
        host.Clock.Advance(TimeSpan.FromSeconds(61));
        using var forExpired = await Send(client, HttpMethod.Post, "/v3/directline/tokens/refresh", started.Token);
        using var withSecret = await Send(client, HttpMethod.Post, "/v3/directline/tokens/refresh", DirectLineTestHost.Secret);

        await DirectLineApiTests.AssertError(forNothing, HttpStatusCode.NotFound, "BadArgument");
        await DirectLineApiTests.AssertError(forExpired, HttpStatusCode.NotFound, "BadArgument");
        await DirectLineApiTests.AssertError(withSecret, HttpStatusCode.Forbidden, "TokenInvalid");
    }

    [Fact]
    public async Task An_open_stream_keeps_the_conversation_alive_and_its_end_sends_a_close_frame()
    {
        using var host = new DirectLineTestHost { Settings = { ["DirectLine:ConversationIdleTimeout"] = "00:01:00" } };
        var client = host.CreateClient();
        var started = await host.StartConversationAsync(client);
        var store = (InMemoryDirectLineConversationStore)host.Services.GetRequiredService<IDirectLineConversationStore>();
        var wsClient = host.Server.CreateWebSocketClient();
        using var socket = await wsClient.ConnectAsync(new Uri(started.StreamUrl), CancellationToken.None);
        var buffer = new byte[64 * 1024];
        await socket.ReceiveAsync(buffer, CancellationToken.None); // the welcome replay

        host.Clock.Advance(TimeSpan.FromSeconds(63));
        Assert.Equal(0, store.RemoveIdle());
        var conversation = store.Find(started.Id);
        Assert.NotNull(conversation);

        conversation.End();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = await socket.ReceiveAsync(buffer, patience.Token);

        Assert.Equal(WebSocketMessageType.Close, received.MessageType);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
    }

    /// <summary>JSON of about <paramref name="size"/> bytes made of many tiny properties: the worst case for a parsed tree.</summary>
    internal static string ManySmallProperties(int size)
    {
        var json = new StringBuilder("""{"type":"message","text":"what is ccsvi","channelData":{"clientActivityID":"x","bulk":{""");
        for (var i = 0; json.Length < size - 32; i++)
        {
            json.Append(i == 0 ? "" : ",").Append('"').Append(i.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append("\":1");
        }

        return json.Append("}}}").ToString();
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, StartedConversation conversation, JsonObject activity) =>
        PostRaw(client, conversation, activity.ToJsonString());

    private static async Task<HttpResponseMessage> PostRaw(HttpClient client, StartedConversation conversation, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Id}/activities")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string bearer)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await client.SendAsync(request);
    }
}
