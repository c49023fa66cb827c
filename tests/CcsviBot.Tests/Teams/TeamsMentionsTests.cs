using System.Text.Json.Nodes;
using CcsviBot.Channels.Teams;
using CcsviBot.Protocol;

namespace CcsviBot.Tests.Teams;

public sealed class TeamsMentionsTests
{
    private static Activity Message(string text, params JsonObject[] entities) => new()
    {
        Type = "message",
        Text = text,
        Recipient = new ChannelAccount { Id = "28:bot-app-id", Name = "CcsviBot" },
        Entities = [.. entities],
    };

    private static JsonObject Mention(string id, string name, string? text = null) => new()
    {
        ["type"] = "mention",
        ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name },
        ["text"] = text ?? $"<at>{name}</at>",
    };

    [Fact]
    public void The_bots_mention_is_removed_by_entity_and_the_rest_trimmed()
    {
        var activity = Message("<at>CcsviBot</at> what is CCSVI?", Mention("28:bot-app-id", "CcsviBot"));

        Assert.Equal("what is CCSVI?", TeamsMentions.RemoveRecipientMention(activity));
    }

    [Fact]
    public void Mentions_of_other_people_stay_in_the_question()
    {
        var activity = Message("<at>CcsviBot</at> can <at>Dana</at> have the test?",
            Mention("29:dana", "Dana"), Mention("28:bot-app-id", "CcsviBot"));

        Assert.Equal("can <at>Dana</at> have the test?", TeamsMentions.RemoveRecipientMention(activity));
    }

    [Fact]
    public void Entity_text_that_differs_from_the_message_still_removes_the_at_name_form()
    {
        var activity = Message("Hey <AT>CcsviBot</AT> is it safe?", Mention("28:bot-app-id", "CcsviBot", "<at>@CcsviBot</at>"));

        Assert.Equal("Hey  is it safe?", TeamsMentions.RemoveRecipientMention(activity));
    }

    [Fact]
    public void Without_a_matching_entity_the_text_is_unchanged()
    {
        var activity = Message("<at>CcsviBot</at> hi", Mention("28:someone-else", "CcsviBot"), new JsonObject { ["type"] = "clientInfo" });

        Assert.Equal("<at>CcsviBot</at> hi", TeamsMentions.RemoveRecipientMention(activity));
    }
}
