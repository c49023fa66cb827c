using CcsviBot.Protocol;

namespace CcsviBot.Turns;

/// <summary>What one incoming activity produced: activities to send back, and for an invoke its synchronous response.</summary>
public sealed record TurnResult(IReadOnlyList<Activity> Replies, InvokeResponse? Invoke = null)
{
    public static TurnResult Empty { get; } = new([]);
}
