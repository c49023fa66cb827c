using CcsviBot.Protocol;

namespace CcsviBot.Turns;

/// <summary>
/// The one turn pipeline every channel adapter (Bot Connector, Direct Line, Teams) runs an activity through,
/// so that welcome, answers, clarifications, feedback and suggested actions behave identically everywhere.
/// Replies come back addressed (from/recipient swapped, conversation, replyToId) but not yet sent.
/// </summary>
public interface ITurnHandler
{
    Task<TurnResult> HandleAsync(Activity activity, CancellationToken cancellationToken);
}
