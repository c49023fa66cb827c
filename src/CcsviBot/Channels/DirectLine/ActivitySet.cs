using CcsviBot.Protocol;

namespace CcsviBot.Channels.DirectLine;

/// <summary>A page of a conversation's transcript and the watermark to ask for the next page with.</summary>
internal sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);
