using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CcsviBot.Core.Answering;

namespace CcsviBot.Tests.DirectLine;

/// <summary>Direct Line over the bot's real turn pipeline and answer engine, as a site visitor reaches it.</summary>
[Collection(LiveBotCollection.Name)]
public sealed class DirectLinePipelineTests(LiveBotHost host)
{
    [Fact]
    public void The_live_bot_listens_on_a_free_loopback_port_not_the_default_one()
    {
        // A fixed port would make two test runs on one machine, or the bot a developer has running, collide.
        Assert.Equal("localhost", host.BaseAddress.Host);
        Assert.NotEqual(new Uri(RepositorySettings.DefaultUrls).Port, host.BaseAddress.Port);
    }

    [Fact]
    public async Task The_welcome_offers_starter_questions_and_carries_the_disclaimer()
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var (id, token) = await StartAsync(client);

        var welcome = (await ActivitiesAsync(client, id, token)).Single();

        Assert.Equal("bot", welcome["from"]!["role"]!.GetValue<string>());
        AssertAnswer.HasDisclaimer(host, welcome["text"]!.GetValue<string>());
        Assert.NotEmpty(welcome["suggestedActions"]!["actions"]!.AsArray());
    }

    [Fact]
    public async Task A_question_over_the_length_limit_gets_the_engines_polite_refusal_not_an_error()
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var (id, token) = await StartAsync(client);
        var question = "Is CCSVI real? " + new string('x', 2_000);
        var refusal = host.KnowledgeBase.Engine.Ask(question);

        using var post = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{id}/activities")
        {
            Content = JsonContent.Create(DirectLineApiTests.WebChatMessage(question, "long-1")),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReplyKind.None, refusal.Kind);
        var reply = (await ActivitiesAsync(client, id, token))[^1]["text"]!.GetValue<string>();
        Assert.Contains(refusal.Message!, reply);
        AssertAnswer.HasDisclaimer(host, reply);
    }

    private static async Task<(string Id, string Token)> StartAsync(HttpClient client)
    {
        var page = (await (await client.PostAsync("api/directline/token", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", page["token"]!.GetValue<string>());
        var started = (await (await client.SendAsync(start)).Content.ReadFromJsonAsync<JsonObject>())!;
        return (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());
    }

    private static async Task<List<JsonNode>> ActivitiesAsync(HttpClient client, string id, string token)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{id}/activities?watermark=");
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = (await (await client.SendAsync(get)).Content.ReadFromJsonAsync<JsonObject>())!;
        return [.. body["activities"]!.AsArray().Select(activity => activity!)];
    }
}
