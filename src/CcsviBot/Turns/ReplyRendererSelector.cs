namespace CcsviBot.Turns;

/// <summary>Picks the renderer for a channel: the first channel-specific one that applies, else Markdown.</summary>
public sealed class ReplyRendererSelector(IEnumerable<IReplyRenderer> channelRenderers, MarkdownActivityRenderer markdown)
{
    private readonly IReplyRenderer[] channelRenderers = [.. channelRenderers];

    public IReplyRenderer For(string? channelId) =>
        channelRenderers.FirstOrDefault(renderer => renderer.AppliesTo(channelId)) ?? markdown;
}
