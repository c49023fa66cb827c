using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CcsviBot.Protocol;
using CcsviBot.Turns;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CcsviBot.Tests.DirectLine;

/// <summary>
/// The real host with Direct Line settings for tests, a clock the tests can move, and a recording turn handler
/// standing in for the bot's pipeline so that these tests check the channel alone.
/// </summary>
public sealed class DirectLineTestHost : WebApplicationFactory<Program>
{
    public const string Secret = "test-site-secret-0123456789";
    public const string AllowedOrigin = "https://ms-info.example.org";

    public ManualClock Clock { get; } = new();

    public RecordingTurnHandler Bot { get; } = new();

    /// <summary>Settings applied after the defaults above.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("DirectLine:Secrets:0", Secret);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection([new(TestInsightsDatabase.SettingKey, TestInsightsDatabase.NewConnectionString())]));
        builder.UseSetting("DirectLine:AllowedOrigins:0", AllowedOrigin);
        builder.UseSetting("DirectLine:MessagesPerMinute", "6");
        builder.UseSetting("DirectLine:MaxActivitiesPerConversation", "40");
        builder.UseSetting("DirectLine:TokensPerMinute", "1000");
        builder.UseSetting("Meaning:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<ITurnHandler>();
            services.AddSingleton<ITurnHandler>(Bot);
        });
    }

    /// <summary>A conversation started the way Web Chat does it: page token, then POST /conversations.</summary>
    public async Task<StartedConversation> StartConversationAsync(HttpClient client)
    {
        var page = await client.PostAsync("/api/directline/token", null);
        page.EnsureSuccessStatusCode();
        var token = (await page.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(start);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return new(body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>(), body["streamUrl"]!.GetValue<string>());
    }

    /// <summary>
    /// Waits until the host reports ready: its FAQ loaded, which it does in the background after start (a test that
    /// measures the heap must not count the knowledge base being built), and its Redis connected when it has one. The
    /// minute only bounds a broken start.
    /// </summary>
    public static async Task WaitUntilReadyAsync(HttpClient client)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var ready = await client.GetAsync("/healthz/ready", patience.Token);
            if (ready.StatusCode == System.Net.HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(100, patience.Token);
        }
    }
}

public sealed record StartedConversation(string Id, string Token, string StreamUrl);

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>Answers like a tiny bot: a welcome for a new member, "You asked: …" with suggested actions for a message.</summary>
public sealed class RecordingTurnHandler : ITurnHandler
{
    public const string WelcomeText = "Welcome to the test bot. General information, not medical advice.";
    public const string FailingText = "make the bot throw";
    public const string NotReadyText = "ask before the faq has loaded";

    public ConcurrentQueue<Activity> Received { get; } = new();

    public Task<TurnResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        // A copy: the channel goes on to mutate nothing, but the test must see what the bot saw at the time.
        Received.Enqueue(JsonSerializer.Deserialize<Activity>(JsonSerializer.Serialize(activity, ProtocolJson.Options), ProtocolJson.Options)!);
        if (activity.Text == FailingText)
        {
            throw new InvalidOperationException("The test bot failed on purpose.");
        }

        if (activity.Text == NotReadyText)
        {
            throw new KnowledgeBaseUnavailableException("The FAQ is still loading.");
        }

        var reply = activity.Type switch
        {
            "conversationUpdate" when activity.MembersAdded?.Any(member => member.Id != activity.Recipient?.Id) == true => Reply(activity, WelcomeText),
            "message" => Reply(activity, "You asked: " + activity.Text),
            _ => null,
        };
        return Task.FromResult(reply is null ? TurnResult.Empty : new TurnResult([reply]));
    }

    private static Activity Reply(Activity incoming, string text) => new()
    {
        Type = "message",
        Text = text,
        From = incoming.Recipient,
        Recipient = incoming.From,
        Conversation = incoming.Conversation,
        ReplyToId = incoming.Type == "message" ? incoming.Id : null,
        SuggestedActions = new SuggestedActions { Actions = [new CardAction { Type = "imBack", Title = "What is CCSVI?", Value = "What is CCSVI?" }] },
    };
}
