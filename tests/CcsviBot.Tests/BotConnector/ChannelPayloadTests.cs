using System.Net;
using CcsviBot.Core.Answering;

namespace CcsviBot.Tests.BotConnector;

/// <summary>Whole turns with activities shaped as the channels send them (docs/…/bot-framework-protocol.md §1.6, §4.5b).</summary>
public sealed class ChannelPayloadTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private readonly BotTestHost host = fixture.Host;
    private readonly TestChannel channel = fixture.Channel;

    [Fact]
    public async Task A_Web_Chat_message_through_Direct_Line_is_answered_with_source_and_disclaimer()
    {
        const string serviceUrl = "https://directline.botframework.com/";
        var id = "abc123|" + Guid.NewGuid().ToString("N")[..7];
        var json = $$"""
            {"type":"message","id":"{{id}}","timestamp":"2026-11-21T19:41:00.123Z","serviceUrl":"{{serviceUrl}}",
             "channelId":"webchat","from":{"id":"r_03c5srv9rb","name":"Visitor","role":"user"},
             "conversation":{"id":"abc123"},"recipient":{"id":"ccsvibot@M9EstUQ1vCE","name":"ccsvibot"},
             "locale":"en-US","localTimestamp":"2026-11-21T20:41:00.000+01:00","localTimezone":"Europe/Berlin",
             "channelData":{"clientActivityID":"1718abc"},"attachments":[],
             "entities":[{"type":"ClientCapabilities","requiresBotState":true,"supportsListening":true,"supportsTts":true}],
             "text":"What is CCSVI?"}
            """;

        using var response = await host.PostJsonAsync(json, channel.CreateToken(new TokenSpec { ServiceUrl = serviceUrl }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await channel.ReplyToAsync(id);
        Assert.Equal($"{serviceUrl}v3/conversations/abc123/activities/{Uri.EscapeDataString(id)}", reply.Uri.AbsoluteUri);
        Assert.Equal($"Bearer connector-token-for-{TestChannel.TenantId}", reply.Authorization);
        Assert.Equal("markdown", (string?)reply.Json["textFormat"]);
        Assert.Contains(TestKnowledgeBase.WhatIsCcsvi.Answer, reply.Activity.Text);
        Assert.Contains($"]({TestKnowledgeBase.WhatIsCcsvi.Sources[0].Url})", reply.Activity.Text);
        Assert.Contains(TestKnowledgeBase.Disclaimer, reply.Activity.Text);
        Assert.Equal("ccsvibot@M9EstUQ1vCE", (string?)reply.Json["from"]!["id"]);
        Assert.Equal("r_03c5srv9rb", (string?)reply.Json["recipient"]!["id"]);
        Assert.Null(reply.Json["id"]);
    }

    [Fact]
    public async Task A_Teams_personal_message_is_answered_at_the_escaped_conversation_path()
    {
        const string serviceUrl = "https://smba.trafficmanager.net/amer/";
        const string conversationId = "a:1hJXxt5BQh-Z6FsnZpqsVvNTmkYL0bCWUNRdnHuIwF4c";
        var id = "1481567603816" + Random.Shared.Next(1000, 9999);
        var json = $$$"""
            {"text":"What is CCSVI?","textFormat":"plain","type":"message","timestamp":"2026-11-21T19:41:00.2891902Z",
             "localTimestamp":"2026-11-21T12:41:00.2891902-07:00","id":"{{{id}}}","channelId":"msteams","serviceUrl":"{{{serviceUrl}}}",
             "from":{"id":"29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw","name":"Megan Bowen","aadObjectId":"7faf3d2e-fa2a-4f0c-9e8d-bc5ee1bd4d27"},
             "conversation":{"conversationType":"personal","tenantId":"{{{TestChannel.TenantId}}}","id":"{{{conversationId}}}"},
             "recipient":{"id":"28:{{{TestChannel.AppId}}}","name":"CcsviBot"},
             "attachments":[{"contentType":"text/html","content":"<div><div>What is CCSVI?</div></div>"}],
             "entities":[{"locale":"en-US","country":"US","platform":"Windows","timezone":"America/Los_Angeles","type":"clientInfo"}],
             "channelData":{"tenant":{"id":"{{{TestChannel.TenantId}}}"}},"locale":"en-US"}
            """;

        using var response = await host.PostJsonAsync(json, channel.CreateToken(new TokenSpec { ServiceUrl = serviceUrl, KeyId = TestChannel.TeamsOnlyKeyId }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await channel.ReplyToAsync(id);
        Assert.Equal($"{serviceUrl}v3/conversations/a%3A1hJXxt5BQh-Z6FsnZpqsVvNTmkYL0bCWUNRdnHuIwF4c/activities/{id}", reply.Uri.AbsoluteUri);
        Assert.Equal("28:" + TestChannel.AppId, reply.Activity.From!.Id);
        Assert.Equal("personal", reply.Activity.Conversation!.ConversationType);
        // Teams replies are Adaptive Cards; the text fallback travels as the summary (Teams would show `text` above the card).
        Assert.Contains(TestKnowledgeBase.Disclaimer, reply.Activity.Summary);
    }

    [Fact]
    public async Task A_conversationUpdate_adding_the_user_gets_a_welcome()
    {
        var id = "AG6…|" + Guid.NewGuid().ToString("N")[..7];
        var json = $$"""
            {"type":"conversationUpdate","id":"{{id}}","timestamp":"2019-01-18T22:31:57.443Z","serviceUrl":"{{TestChannel.ServiceUrl}}",
             "channelId":"webchat","from":{"id":"r_03c5srv9rb","role":"user"},"conversation":{"id":"AG6…"},
             "recipient":{"id":"webchat-mockbot-dev@M9EstUQ1vCE","name":"webchat-mockbot-dev"},"membersAdded":[{"id":"r_03c5srv9rb"}]}
            """;

        using var response = await host.PostJsonAsync(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await channel.ReplyToAsync(id);
        Assert.Contains("CcsviBot", reply.Activity.Text);
        Assert.Contains(TestKnowledgeBase.Disclaimer, reply.Activity.Text);
        Assert.Equal(3, reply.Activity.SuggestedActions!.Actions.Count);
        Assert.Equal($"{TestChannel.ServiceUrl}v3/conversations/{Uri.EscapeDataString("AG6…")}/activities/{Uri.EscapeDataString(id)}", reply.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Unknown_fields_are_accepted()
    {
        var json = $$$"""
            {"type":"message","id":"x1","serviceUrl":"{{{TestChannel.ServiceUrl}}}","channelId":"webchat","conversation":{"id":"c","futureField":1},
             "from":{"id":"u","newThing":{"a":[1,2]}},"recipient":{"id":"b"},"text":"hi","brandNewField":{"nested":true},"listenFor":["x"]}
            """;

        using var response = await host.PostJsonAsync(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
