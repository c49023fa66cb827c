using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CcsviBot.Tests.DirectLine;

public sealed class DirectLineStreamTests(DirectLineTestHost host) : IClassFixture<DirectLineTestHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Stream_replays_the_welcome_then_pushes_the_echo_and_the_reply()
    {
        var started = await host.StartConversationAsync(_client);
        using var socket = await Connect(started.StreamUrl);

        var replay = await ReceiveSet(socket);
        Assert.Equal(RecordingTurnHandler.WelcomeText, Assert.Single(replay.Activities)["text"]!.GetValue<string>());

        await Post(started, DirectLineApiTests.WebChatMessage("what is ccsvi", "ws-1"));
        var pushed = new List<JsonNode>();
        string watermark = replay.Watermark;
        while (pushed.Count < 2)
        {
            var set = await ReceiveSet(socket);
            pushed.AddRange(set.Activities);
            watermark = set.Watermark;
        }

        Assert.Equal("ws-1", pushed[0]["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("You asked: what is ccsvi", pushed[1]["text"]!.GetValue<string>());
        Assert.Equal(pushed[0]["id"]!.GetValue<string>(), pushed[1]["replyToId"]!.GetValue<string>());
        Assert.Equal("3", watermark);
    }

    [Fact]
    public async Task Reconnecting_with_a_watermark_replays_only_what_followed_it_and_keep_alives_are_ignored()
    {
        var started = await host.StartConversationAsync(_client);
        await Post(started, DirectLineApiTests.WebChatMessage("first", "k-1"));

        using var reconnect = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{started.Id}?watermark=2");
        reconnect.Headers.Authorization = new AuthenticationHeaderValue("Bearer", started.Token);
        var body = (await (await _client.SendAsync(reconnect)).Content.ReadFromJsonAsync<JsonObject>())!;
        using var socket = await Connect(body["streamUrl"]!.GetValue<string>());

        // DirectLineJS sends empty frames as keep-alives.
        await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, true, CancellationToken.None);
        var replay = await ReceiveSet(socket);

        Assert.Equal(["You asked: first"], replay.Activities.Select(activity => activity["text"]!.GetValue<string>()));
        Assert.Equal("3", replay.Watermark);
    }

    [Fact]
    public async Task Stream_refuses_a_missing_or_foreign_token_and_plain_http()
    {
        var started = await host.StartConversationAsync(_client);
        var other = await host.StartConversationAsync(_client);
        var streamPath = new Uri(started.StreamUrl).AbsolutePath;

        await Assert.ThrowsAnyAsync<Exception>(() => Connect($"ws://localhost{streamPath}"));
        await Assert.ThrowsAnyAsync<Exception>(() => Connect($"ws://localhost{streamPath}?t={Uri.EscapeDataString(other.Token)}"));
        var plain = await _client.GetAsync(new Uri(started.StreamUrl).PathAndQuery);
        await DirectLineApiTests.AssertError(plain, System.Net.HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task Streams_per_conversation_are_capped_and_a_closed_one_frees_its_place()
    {
        var started = await host.StartConversationAsync(_client);
        var open = new List<WebSocket>();
        for (var i = 0; i < 3; i++)
        {
            open.Add(await Connect(started.StreamUrl));
        }

        await Assert.ThrowsAnyAsync<Exception>(() => Connect(started.StreamUrl));

        await open[0].CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        using var again = await ConnectWhenFreeAsync(started.StreamUrl);
        Assert.Equal(WebSocketState.Open, again.State);
        foreach (var socket in open)
        {
            socket.Dispose();
        }
    }

    /// <summary>The server frees a stream's place once it has seen the close; retry briefly until then.</summary>
    private async Task<WebSocket> ConnectWhenFreeAsync(string streamUrl)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await Connect(streamUrl);
            }
            catch (Exception) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    private async Task<WebSocket> Connect(string streamUrl)
    {
        var client = host.Server.CreateWebSocketClient();
        using var timeout = new CancellationTokenSource(Patience);
        return await client.ConnectAsync(new Uri(streamUrl), timeout.Token);
    }

    private async Task Post(StartedConversation conversation, JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Id}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        request.Content = JsonContent.Create(activity);
        (await _client.SendAsync(request)).EnsureSuccessStatusCode();
    }

    private static async Task<(IReadOnlyList<JsonNode> Activities, string Watermark)> ReceiveSet(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        var set = JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!;
        return (set["activities"]!.AsArray().Select(activity => activity!).ToList(), set["watermark"]!.GetValue<string>());
    }
}
