using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CcsviBot.Tests.DirectLine;

public sealed class DirectLineApiTests(DirectLineTestHost host) : IClassFixture<DirectLineTestHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Page_token_is_a_signed_conversation_token_with_a_user_claim()
    {
        var response = await _client.PostAsync("/api/directline/token", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1800, body["expires_in"]!.GetValue<int>());
        var claims = JwtPayload(body["token"]!.GetValue<string>());
        Assert.Equal(body["conversationId"]!.GetValue<string>(), claims["conv"]!.GetValue<string>());
        Assert.StartsWith("dl_", claims["user"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tokens_generate_needs_the_site_secret()
    {
        var without = await Send(HttpMethod.Post, "/v3/directline/tokens/generate", bearer: null);
        var wrong = await Send(HttpMethod.Post, "/v3/directline/tokens/generate", bearer: "not-the-secret");
        var right = await Send(HttpMethod.Post, "/v3/directline/tokens/generate", bearer: DirectLineTestHost.Secret,
            body: new JsonObject { ["user"] = new JsonObject { ["id"] = "dl_visitor7" } });

        await AssertError(without, HttpStatusCode.Forbidden, "MissingToken");
        await AssertError(wrong, HttpStatusCode.Forbidden, "TokenInvalid");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var token = (await right.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        Assert.Equal("dl_visitor7", JwtPayload(token)["user"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_answers_201_then_200_with_an_absolute_websocket_stream_url()
    {
        var started = await host.StartConversationAsync(_client);

        Assert.StartsWith($"ws://localhost/v3/directline/conversations/{started.Id}/stream?t=", started.StreamUrl);
        var again = await Send(HttpMethod.Post, "/v3/directline/conversations", started.Token);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(started.Id, (await again.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Starting_a_conversation_runs_the_welcome_through_the_bot_without_the_visitor_typing()
    {
        var started = await host.StartConversationAsync(_client);

        var update = host.Bot.Received.Single(activity => activity.Conversation?.Id == started.Id);
        Assert.Equal("conversationUpdate", update.Type);
        Assert.Equal(JwtPayload(started.Token)["user"]!.GetValue<string>(), Assert.Single(update.MembersAdded!).Id);
        Assert.Equal("http://localhost/", update.ServiceUrl);
        var transcript = await GetActivities(started, watermark: "");
        var welcome = Assert.Single(transcript.Activities);
        Assert.Equal(RecordingTurnHandler.WelcomeText, welcome["text"]!.GetValue<string>());
        Assert.Equal("bot", welcome["from"]!["role"]!.GetValue<string>());
        Assert.Equal($"{started.Id}|0000001", welcome["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_posted_activity_is_echoed_with_server_id_utc_timestamp_and_client_activity_id_and_the_bot_sees_the_same_id()
    {
        var started = await host.StartConversationAsync(_client);

        var posted = await Send(HttpMethod.Post, $"/v3/directline/conversations/{started.Id}/activities", started.Token, WebChatMessage("what is ccsvi", "client-42"));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var transcript = (await GetActivities(started, watermark: "1")).Activities;
        Assert.Equal(2, transcript.Count);
        var echo = transcript[0];
        Assert.Equal(id, echo["id"]!.GetValue<string>());
        Assert.Equal("client-42", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
        Assert.Equal(TimeSpan.Zero, DateTimeOffset.Parse(echo["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).Offset);
        var reply = transcript[1];
        Assert.Equal("You asked: what is ccsvi", reply["text"]!.GetValue<string>());
        Assert.Equal(id, reply["replyToId"]!.GetValue<string>());
        Assert.Equal("bot", reply["from"]!["role"]!.GetValue<string>());
        Assert.True(DateTimeOffset.Parse(reply["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            > DateTimeOffset.Parse(echo["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        var seen = host.Bot.Received.Single(activity => activity.Conversation?.Id == started.Id && activity.Type == "message");
        Assert.Equal(id, seen.Id);
        Assert.Equal("webchat", seen.ChannelId);
        Assert.Equal("http://localhost/", seen.ServiceUrl);
        Assert.Equal("client-42", seen.ChannelData!["clientActivityID"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_client_cannot_pose_as_another_channel_or_user()
    {
        var started = await host.StartConversationAsync(_client);
        var message = WebChatMessage("hello", "c1");
        message["channelId"] = "msteams";
        message["from"] = new JsonObject { ["id"] = "someone-else", ["role"] = "bot" };

        await Send(HttpMethod.Post, $"/v3/directline/conversations/{started.Id}/activities", started.Token, message);

        var seen = host.Bot.Received.Single(activity => activity.Conversation?.Id == started.Id && activity.Type == "message");
        Assert.Equal("directline", seen.ChannelId);
        Assert.Equal(JwtPayload(started.Token)["user"]!.GetValue<string>(), seen.From!.Id);
        Assert.Equal("user", seen.From.Role);
    }

    [Fact]
    public async Task Watermarks_are_monotonic_and_replay_only_what_follows()
    {
        var started = await host.StartConversationAsync(_client);
        var first = await GetActivities(started, watermark: "");
        await Send(HttpMethod.Post, $"/v3/directline/conversations/{started.Id}/activities", started.Token, WebChatMessage("one", "a"));
        var second = await GetActivities(started, first.Watermark);
        var third = await GetActivities(started, second.Watermark);
        var everything = await GetActivities(started, watermark: null);

        Assert.Single(first.Activities);
        Assert.Equal(["one", "You asked: one"], second.Activities.Select(activity => activity["text"]!.GetValue<string>()));
        Assert.Empty(third.Activities);
        Assert.Equal(second.Watermark, third.Watermark);
        Assert.True(long.Parse(second.Watermark, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(first.Watermark, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, everything.Activities.Count);
        var bad = await Send(HttpMethod.Get, $"/v3/directline/conversations/{started.Id}/activities?watermark=abc", started.Token);
        await AssertError(bad, HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task Reconnect_gives_a_fresh_token_and_a_stream_url_that_resumes_at_the_watermark()
    {
        var started = await host.StartConversationAsync(_client);

        var response = await Send(HttpMethod.Get, $"/v3/directline/conversations/{started.Id}?watermark=1", started.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(started.Id, body["conversationId"]!.GetValue<string>());
        Assert.EndsWith("&watermark=1", body["streamUrl"]!.GetValue<string>());
        var activities = await Send(HttpMethod.Get, $"/v3/directline/conversations/{started.Id}/activities", body["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, activities.StatusCode);
    }

    [Fact]
    public async Task Refresh_extends_a_token_and_refuses_an_expired_one()
    {
        var started = await host.StartConversationAsync(_client);

        var refreshed = await Send(HttpMethod.Post, "/v3/directline/tokens/refresh", started.Token);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var fresh = (await refreshed.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        Assert.Equal(started.Id, JwtPayload(fresh)["conv"]!.GetValue<string>());

        var expired = JwtWithPayload(started.Token, payload => payload["exp"] = 1);
        await AssertError(await Send(HttpMethod.Post, "/v3/directline/tokens/refresh", expired), HttpStatusCode.Forbidden, "TokenInvalid");
    }

    [Fact]
    public async Task Expired_token_is_refused_with_TokenExpired()
    {
        using var isolated = new DirectLineTestHost();
        var client = isolated.CreateClient();
        var started = await isolated.StartConversationAsync(client);

        isolated.Clock.Advance(TimeSpan.FromMinutes(31));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{started.Id}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", started.Token);

        await AssertError(await client.SendAsync(request), HttpStatusCode.Forbidden, "TokenExpired");
    }

    [Fact]
    public async Task Forged_and_other_conversation_tokens_are_refused_and_unknown_conversations_are_404()
    {
        var mine = await host.StartConversationAsync(_client);
        var theirs = await host.StartConversationAsync(_client);
        var forged = JwtWithPayload(mine.Token, payload => payload["conv"] = theirs.Id);

        await AssertError(await Send(HttpMethod.Get, $"/v3/directline/conversations/{theirs.Id}/activities", forged), HttpStatusCode.Forbidden, "TokenInvalid");
        await AssertError(await Send(HttpMethod.Get, $"/v3/directline/conversations/{theirs.Id}/activities", mine.Token), HttpStatusCode.Forbidden, "TokenInvalid");
        await AssertError(await Send(HttpMethod.Post, $"/v3/directline/conversations/{theirs.Id}/activities", mine.Token, WebChatMessage("hi", "x")), HttpStatusCode.Forbidden, "TokenInvalid");
        await AssertError(await Send(HttpMethod.Get, "/v3/directline/conversations/nosuchconversation/activities", DirectLineTestHost.Secret), HttpStatusCode.NotFound, "BadArgument");
        await AssertError(await Send(HttpMethod.Get, $"/v3/directline/conversations/{mine.Id}/activities", bearer: null), HttpStatusCode.Forbidden, "MissingToken");
    }

    [Fact]
    public async Task Upload_is_refused_with_a_clear_4xx()
    {
        var started = await host.StartConversationAsync(_client);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{started.Id}/upload?userId=u");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", started.Token);
        request.Content = new MultipartFormDataContent { { new StringContent("hello"), "file", "note.txt" } };

        await AssertError(await _client.SendAsync(request), HttpStatusCode.BadRequest, "UploadNotSupported");
    }

    [Fact]
    public async Task Malformed_activities_get_400_and_lose_nothing()
    {
        var started = await host.StartConversationAsync(_client);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{started.Id}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", started.Token);
        request.Content = new StringContent("{\"type\":\"message\",\"text\":", Encoding.UTF8, "application/json");
        await AssertError(await _client.SendAsync(request), HttpStatusCode.BadRequest, "BadArgument");
        await AssertError(await Send(HttpMethod.Post, $"/v3/directline/conversations/{started.Id}/activities", started.Token, new JsonObject { ["text"] = "no type" }),
            HttpStatusCode.BadRequest, "BadArgument");
        var huge = WebChatMessage(new string('x', 300_000), "big");
        await AssertError(await Send(HttpMethod.Post, $"/v3/directline/conversations/{started.Id}/activities", started.Token, huge),
            HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");

        Assert.Single((await GetActivities(started, "")).Activities);
    }

    [Fact]
    public async Task A_failing_bot_gives_502_with_an_error_body_and_the_conversation_goes_on()
    {
        var started = await host.StartConversationAsync(_client);

        var failed = await Send(HttpMethod.Post, $"/v3/directline/conversations/{started.Id}/activities", started.Token, WebChatMessage(RecordingTurnHandler.FailingText, "f"));
        var next = await Send(HttpMethod.Post, $"/v3/directline/conversations/{started.Id}/activities", started.Token, WebChatMessage("still there?", "g"));

        await AssertError(failed, HttpStatusCode.BadGateway, "BotError");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("You asked: still there?", (await GetActivities(started, "")).Activities[^1]["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_message_before_the_faq_has_loaded_is_accepted_and_told_to_ask_again()
    {
        var started = await host.StartConversationAsync(_client);

        var early = await Send(HttpMethod.Post, $"/v3/directline/conversations/{started.Id}/activities", started.Token, WebChatMessage(RecordingTurnHandler.NotReadyText, "n"));

        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        var last = (await GetActivities(started, "")).Activities[^1];
        Assert.Contains(CcsviBot.Channels.DirectLine.DirectLineBot.NotReadyText, last["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(CcsviBot.Core.Faq.FaqLoader.DefaultDisclaimer, last["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("bot", last["from"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Too_many_messages_from_one_token_get_429_with_retry_after()
    {
        var started = await host.StartConversationAsync(_client);

        HttpResponseMessage last = null!;
        for (var i = 0; i < 7; i++)
        {
            last = await Send(HttpMethod.Post, $"/v3/directline/conversations/{started.Id}/activities", started.Token, WebChatMessage("q" + i, "c" + i));
        }

        await AssertError(last, HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var other = await host.StartConversationAsync(_client);
        var unaffected = await Send(HttpMethod.Post, $"/v3/directline/conversations/{other.Id}/activities", other.Token, WebChatMessage("hi", "h"));
        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
    }

    [Fact]
    public async Task Cors_preflight_allows_the_configured_origin_and_the_direct_line_headers_only()
    {
        var allowed = await Preflight(DirectLineTestHost.AllowedOrigin);
        var refused = await Preflight("https://elsewhere.example.com");

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(DirectLineTestHost.AllowedOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var headers = string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", headers);
        Assert.Contains("content-type", headers);
        Assert.Contains("x-ms-bot-agent", headers);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        request.Headers.Add("Origin", DirectLineTestHost.AllowedOrigin);
        var actual = await _client.SendAsync(request);
        Assert.Contains("Retry-After", actual.Headers.GetValues("Access-Control-Expose-Headers").Single());
    }

    private async Task<HttpResponseMessage> Preflight(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        return await _client.SendAsync(request);
    }

    private async Task<(IReadOnlyList<JsonNode> Activities, string Watermark)> GetActivities(StartedConversation conversation, string? watermark)
    {
        var query = watermark is null ? "" : "?watermark=" + Uri.EscapeDataString(watermark);
        var response = await Send(HttpMethod.Get, $"/v3/directline/conversations/{conversation.Id}/activities{query}", conversation.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["activities"]!.AsArray().Select(activity => activity!).ToList(), body["watermark"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? bearer, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await _client.SendAsync(request);
    }

    internal static JsonObject WebChatMessage(string text, string clientActivityId) => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["channelId"] = "webchat",
        ["from"] = new JsonObject { ["id"] = "r_visitor", ["name"] = "", ["role"] = "user" },
        ["locale"] = "en-US",
        ["localTimestamp"] = "2026-11-21T13:00:00.000+01:00",
        ["localTimezone"] = "Europe/Berlin",
        ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
        ["attachments"] = new JsonArray(),
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "ClientCapabilities", ["requiresBotState"] = true }),
    };

    internal static async Task AssertError(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(code, body["error"]!["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(body["error"]!["message"]!.GetValue<string>()));
    }

    internal static JsonObject JwtPayload(string token) =>
        JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1]))!.AsObject();

    /// <summary>The token with its payload changed and its signature kept: what a forger can make.</summary>
    private static string JwtWithPayload(string token, Action<JsonObject> change)
    {
        var parts = token.Split('.');
        var payload = JwtPayload(token);
        change(payload);
        return $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
    }
}
