using System.Text.Json.Nodes;
using CcsviBot.Protocol;

namespace CcsviBot.Turns;

/// <summary>The result of an invoke activity, written as the HTTP response (status and JSON body).</summary>
public sealed record InvokeResponse(int Status, JsonNode? Body);

/// <summary>What one incoming activity produced: activities to send back, and for an invoke its synchronous response.</summary>
public sealed record TurnResult(IReadOnlyList<Activity> Replies, InvokeResponse? Invoke = null)
{
    public static TurnResult Empty { get; } = new([]);
}

/// <summary>
/// The one turn pipeline every channel adapter (Bot Connector, Direct Line, Teams) runs an activity through,
/// so that welcome, answers, clarifications, feedback and suggested actions behave identically everywhere.
/// Replies come back addressed (from/recipient swapped, conversation, replyToId) but not yet sent.
/// </summary>
public interface ITurnHandler
{
    Task<TurnResult> HandleAsync(Activity activity, CancellationToken cancellationToken);
}
