using CcsviBot.Core.Answering;
using CcsviBot.Protocol;

namespace CcsviBot.Turns;

/// <summary>
/// Turns the engine's channel-neutral <see cref="Reply"/> into the content of an outgoing message (text, attachments,
/// entities, suggested actions). Channel-specific renderers (e.g. Teams' Adaptive Cards) are registered as
/// <see cref="IReplyRenderer"/> and chosen by the incoming <c>channelId</c>; every other channel gets Markdown.
/// Every rendering carries the reply's disclaimer, and an answer its sources.
/// </summary>
public interface IReplyRenderer
{
    /// <summary>True when this renderer is the one for activities arriving on <paramref name="channelId"/>.</summary>
    bool AppliesTo(string? channelId);

    /// <summary>Fills <paramref name="outgoing"/>, already addressed, with the rendering of <paramref name="reply"/>.</summary>
    void Render(Reply reply, Activity outgoing);
}
