using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CcsviBot.Channels.Teams;
using CcsviBot.Insights;
using CcsviBot.Protocol;
using CcsviBot.Tests.Turns;
using CcsviBot.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CcsviBot.Tests.Teams;

/// <summary>The bot with Teams-shaped traffic from the test channel, one staff tenant configured.</summary>
public sealed class TeamsBotFixture : IDisposable
{
    public const string StaffTenant = "5a1e2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b";
    public const string PatientTenant = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";

    public TeamsBotFixture()
    {
        Channel = new TestChannel();
        Host = new BotTestHost(Channel, new BotTestHostOptions
        {
            Settings = new() { ["Teams:StaffTenants:0"] = StaffTenant },
            ConfigureServices = services =>
            {
                services.RemoveAll<IInsightsRecorder>();
                services.AddSingleton<IInsightsRecorder>(Insights);
            },
        });
    }

    public TestChannel Channel { get; }
    public BotTestHost Host { get; }
    public RecordingInsights Insights { get; } = new();

    public void Dispose()
    {
        Host.Dispose();
        Channel.Dispose();
    }
}

public sealed class TeamsEndpointTests(TeamsBotFixture fixture) : IClassFixture<TeamsBotFixture>
{
    private const string BotId = "28:" + TestChannel.AppId;
    private readonly BotTestHost host = fixture.Host;

    /// <summary>A Teams message as the Teams channel sends it (personal chat unless a test changes it).</summary>
    private static Activity TeamsMessage(string? text, string tenant = TeamsBotFixture.PatientTenant) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999),
        Timestamp = DateTimeOffset.UtcNow,
        ServiceUrl = TestChannel.ServiceUrl,
        ChannelId = "msteams",
        From = new ChannelAccount { Id = "29:1user-" + Guid.NewGuid().ToString("N"), Name = "Dana Support", AadObjectId = Guid.NewGuid().ToString() },
        Recipient = new ChannelAccount { Id = BotId, Name = "CcsviBot" },
        Conversation = new ConversationAccount { ConversationType = "personal", Id = "a:1" + Guid.NewGuid().ToString("N"), TenantId = tenant },
        ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
        Entities = [new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["platform"] = "Web" }],
        Locale = "en-US",
        TextFormat = "plain",
        Text = text,
    };

    private async Task<RecordedReply> SendAsync(Activity activity)
    {
        using var response = await host.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await fixture.Channel.ReplyToAsync(activity.Id!);
    }

    private static JsonObject CardOf(RecordedReply reply)
    {
        var attachment = Assert.Single(reply.Activity.Attachments!);
        Assert.Equal(TeamsCards.ContentType, attachment.ContentType);
        return (JsonObject)attachment.Content!;
    }

    private static Dictionary<string, string> StaffFacts(JsonObject card) =>
        CardJson.Elements(card).SingleOrDefault(e => (string?)e["type"] == "FactSet")?["facts"]!.AsArray()
            .ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!) ?? [];

    [Fact]
    public async Task A_personal_message_is_answered_with_an_answer_card_and_a_text_fallback()
    {
        var reply = await SendAsync(TeamsMessage("What is CCSVI?"));

        var card = CardOf(reply);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal(TestKnowledgeBase.WhatIsCcsvi.Question, CardJson.Texts(card).First());
        Assert.Contains(CardJson.Texts(card), t => t.Contains(TestKnowledgeBase.WhatIsCcsvi.Sources[0].Url!, StringComparison.Ordinal));
        Assert.Contains(TestKnowledgeBase.Disclaimer, CardJson.Texts(card));
        Assert.Equal(["venoplasty-evidence", "ccsvi-and-ms"], CardJson.Submits(card).Where(a => a["data"]?["feedback"] is null).Select(a => (string?)a["data"]!["entryId"]));
        Assert.Empty(StaffFacts(card)); // a patient tenant

        // Where cards are not rendered: the whole reply as text, passage, source and disclaimer included.
        foreach (var fallback in new[] { reply.Activity.Summary!, (string)card["fallbackText"]! })
        {
            Assert.Contains(TestKnowledgeBase.WhatIsCcsvi.Answer, fallback, StringComparison.Ordinal);
            Assert.Contains(TestKnowledgeBase.WhatIsCcsvi.Sources[0].Url!, fallback, StringComparison.Ordinal);
            Assert.Contains(TestKnowledgeBase.Disclaimer, fallback, StringComparison.Ordinal);
        }

        Assert.Null(reply.Activity.SuggestedActions); // Teams does not show suggested actions with attachments
    }

    [Fact]
    public async Task A_channel_message_with_the_bots_mention_is_answered_without_it_in_the_same_thread_with_staff_detail()
    {
        var message = TeamsMessage("<at>CcsviBot</at> Does CCSVI cause MS?", TeamsBotFixture.StaffTenant);
        // In channels the tenant may come only in channelData; the conversation id names the thread.
        message.Conversation = new ConversationAccount { ConversationType = "channel", IsGroup = true, Id = $"19:{Guid.NewGuid():N}@thread.tacv2;messageid={message.Id}" };
        message.ChannelData!["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" };
        message.ChannelData["channel"] = new JsonObject { ["id"] = "19:channel@thread.tacv2" };
        message.Entities!.Add(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "CcsviBot" },
            ["text"] = "<at>CcsviBot</at>",
        });

        var reply = await SendAsync(message);

        Assert.Contains(fixture.Insights.Turns, t => t.Question == "Does CCSVI cause MS?");
        Assert.Equal(message.Conversation.Id, reply.Activity.Conversation!.Id);
        Assert.Equal(message.Id, reply.Activity.ReplyToId);
        Assert.EndsWith($"/activities/{message.Id}", reply.Uri.AbsolutePath, StringComparison.Ordinal);
        var card = CardOf(reply);
        Assert.Equal(TestKnowledgeBase.CcsviAndMs.Question, CardJson.Texts(card).First());
        Assert.Equal(TestKnowledgeBase.CcsviAndMs.Id, StaffFacts(card)["Entry"]);
        Assert.Contains(CardJson.Submits(card), a => (string?)a["data"]?["feedback"] == ActionValues.Outdated);
    }

    [Fact]
    public async Task A_card_submit_answers_the_exact_entry_in_its_value_not_a_search_of_the_text()
    {
        var click = TeamsMessage("What is CCSVI?", TeamsBotFixture.StaffTenant); // misleading text: the value must win
        click.Value = ActionValues.PickEntry(TestKnowledgeBase.VenoplastyEvidence.Id);

        var card = CardOf(await SendAsync(click));

        Assert.Equal(TestKnowledgeBase.VenoplastyEvidence.Question, CardJson.Texts(card).First());
        Assert.Equal(TestKnowledgeBase.VenoplastyEvidence.Id, StaffFacts(card)["Entry"]);
    }

    [Fact]
    public async Task Report_outdated_from_a_staff_card_reaches_the_feedback_store_and_is_acknowledged_with_the_disclaimer()
    {
        var click = TeamsMessage(null, TeamsBotFixture.StaffTenant);
        click.Value = ActionValues.Feedback(FeedbackKind.Outdated, TestKnowledgeBase.WhatIsCcsvi.Id);

        var card = CardOf(await SendAsync(click));

        Assert.Contains(fixture.Insights.Feedback, f => f.Kind == FeedbackKind.Outdated && f.EntryId == TestKnowledgeBase.WhatIsCcsvi.Id && f.Channel == "msteams");
        Assert.Contains(TurnHandler.FeedbackThanks, CardJson.Texts(card));
        Assert.Contains(TestKnowledgeBase.Disclaimer, CardJson.Texts(card));
    }

    [Fact]
    public async Task An_urgent_message_gets_the_safety_card()
    {
        var card = CardOf(await SendAsync(TeamsMessage("this is an emergency")));

        var first = CardJson.Elements(card).First();
        Assert.Equal("attention", (string?)first["style"]);
        Assert.Contains(TestKnowledgeBase.UrgentReply, CardJson.Texts(card));
        Assert.Contains(TestKnowledgeBase.Disclaimer, CardJson.Texts(card));
    }

    [Fact]
    public async Task A_member_joining_is_welcomed_with_a_card_of_starter_questions()
    {
        var update = TeamsMessage(null);
        update.Type = ActivityTypes.ConversationUpdate;
        update.MembersAdded = [new ChannelAccount { Id = update.From!.Id }];

        var card = CardOf(await SendAsync(update));

        Assert.Contains(TurnHandler.WelcomeMessage, CardJson.Texts(card));
        Assert.Contains(CardJson.Submits(card), a => a["data"]?["entryId"] is not null);
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("channel")]
    public async Task Installing_the_app_is_welcomed_although_only_the_bot_was_added(string conversationType)
    {
        var update = TeamsMessage(null);
        update.Type = ActivityTypes.ConversationUpdate;
        update.Conversation!.ConversationType = conversationType;
        update.MembersAdded = [new ChannelAccount { Id = BotId }];

        var card = CardOf(await SendAsync(update));

        Assert.Contains(TurnHandler.WelcomeMessage, CardJson.Texts(card));
        Assert.Contains(TestKnowledgeBase.Disclaimer, CardJson.Texts(card));
    }

    [Fact]
    public async Task Other_channels_keep_the_Markdown_rendering()
    {
        var reply = await SendAsync(TestChannel.Message("What is CCSVI?"));

        Assert.Null(reply.Activity.Attachments);
        Assert.Contains(TestKnowledgeBase.WhatIsCcsvi.Answer, reply.Activity.Text, StringComparison.Ordinal);
    }

    private static Activity Invoke(string name, JsonNode? value)
    {
        var invoke = TeamsMessage(null);
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = name;
        invoke.Value = value;
        return invoke;
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> InvokeAsync(Activity invoke)
    {
        using var response = await host.PostActivityAsync(invoke);
        var body = response.Content.Headers.ContentLength is 0 ? null : await response.Content.ReadFromJsonAsync<JsonNode>();
        return (response.StatusCode, body);
    }

    private static List<string> ResultTitles(JsonNode body)
    {
        Assert.Equal("result", (string?)body["composeExtension"]!["type"]);
        Assert.Equal("list", (string?)body["composeExtension"]!["attachmentLayout"]);
        var attachments = body["composeExtension"]!["attachments"]!.AsArray();
        Assert.All(attachments, a =>
        {
            Assert.Equal(TeamsCards.ContentType, (string?)a!["contentType"]);
            Assert.Contains(TestKnowledgeBase.Disclaimer, CardJson.Texts((JsonObject)a["content"]!));
        });
        return [.. attachments.Select(a => (string)a!["preview"]!["content"]!["title"]!)];
    }

    [Fact]
    public async Task The_search_extension_answers_in_the_http_response_and_sends_nothing_to_the_connector()
    {
        var before = fixture.Channel.ConnectorAttempts;

        var (status, body) = await InvokeAsync(Invoke(ComposeExtensionQuery.InvokeName, SearchQuery.Value("angioplasty")));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(TestKnowledgeBase.VenoplastyEvidence.Question, ResultTitles(body!).First());
        Assert.Equal(before, fixture.Channel.ConnectorAttempts);
    }

    [Fact]
    public async Task The_initial_run_lists_every_entry_of_the_small_faq_and_pages_through_them()
    {
        var (status, body) = await InvokeAsync(Invoke(ComposeExtensionQuery.InvokeName, SearchQuery.Value(null, initialRun: true)));
        var all = ResultTitles(body!);
        var (_, secondBody) = await InvokeAsync(Invoke(ComposeExtensionQuery.InvokeName, SearchQuery.Value("", skip: 1, count: 1)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, all.Count);
        Assert.Equal([all[1]], ResultTitles(secondBody!));
    }

    [Fact]
    public async Task A_malformed_query_gets_400_and_an_unknown_invoke_501()
    {
        var (malformedStatus, _) = await InvokeAsync(Invoke(ComposeExtensionQuery.InvokeName, new JsonObject { ["parameters"] = "oops" }));
        var (missingStatus, _) = await InvokeAsync(Invoke(ComposeExtensionQuery.InvokeName, null));
        var (unknownStatus, _) = await InvokeAsync(Invoke("composeExtension/fetchTask", SearchQuery.Value("x")));

        Assert.Equal(HttpStatusCode.BadRequest, malformedStatus);
        Assert.Equal(HttpStatusCode.BadRequest, missingStatus);
        Assert.Equal(HttpStatusCode.NotImplemented, unknownStatus);
    }
}
