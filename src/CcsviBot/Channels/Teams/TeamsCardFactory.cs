using System.Text.Json.Nodes;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Rendering;
using CcsviBot.Protocol;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.Teams;

/// <summary>
/// Chooses what a Teams card shows for a conversation (staff detail for staff tenants) and gives every card the
/// channel-neutral Markdown rendering of the same reply as its text fallback.
/// </summary>
public sealed class TeamsCardFactory(IOptions<TeamsOptions> options)
{
    /// <summary>The card answering a message or a card submit in <paramref name="incoming"/>'s conversation.</summary>
    public JsonObject ForReply(Reply reply, Activity incoming) =>
        TeamsCards.ForReply(reply, new CardContext(MarkdownReplyRenderer.Render(reply), options.Value.IsStaffConversation(incoming)));

    /// <summary>The card a user inserts from the search extension: never staff detail, no buttons.</summary>
    public JsonObject ForInsertedAnswer(Reply reply) =>
        TeamsCards.ForReply(reply, new CardContext(MarkdownReplyRenderer.Render(reply), StaffDetail: false, Interactive: false));
}
