using System.Text.Json.Nodes;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Rendering;
using CcsviBot.Protocol;
using CcsviBot.Turns;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.Teams;

/// <summary>
/// The Teams rendering of a reply (chosen for <c>channelId</c> "msteams"): one Adaptive Card attachment, with staff
/// detail for staff tenants. The channel-neutral Markdown of the same reply travels as the card's <c>fallbackText</c>
/// and the activity's <c>summary</c> (notifications, clients without cards); it is not put in <c>text</c>, which
/// Teams would show above the card, repeating the passage.
/// </summary>
public sealed class TeamsReplyRenderer(IOptions<TeamsOptions> options) : IReplyRenderer
{
    public const string ChannelId = "msteams";

    public bool AppliesTo(string? channelId) => string.Equals(channelId, ChannelId, StringComparison.OrdinalIgnoreCase);

    public void Render(Reply reply, Activity outgoing)
    {
        var fallback = MarkdownReplyRenderer.Render(reply);
        // The reply carries the incoming conversation, tenant included: that decides the staff detail.
        var card = TeamsCards.ForReply(reply, new CardContext(fallback, options.Value.IsStaffConversation(outgoing)));
        outgoing.Summary = fallback;
        outgoing.Attachments = [new Attachment { ContentType = TeamsCards.ContentType, Content = card }];
    }

    /// <summary>The card a user inserts from the search extension: never staff detail, no buttons.</summary>
    public JsonObject ForInsertedAnswer(Reply reply) =>
        TeamsCards.ForReply(reply, new CardContext(MarkdownReplyRenderer.Render(reply), StaffDetail: false, Interactive: false));
}
