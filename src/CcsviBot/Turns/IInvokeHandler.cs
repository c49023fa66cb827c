using CcsviBot.Protocol;

namespace CcsviBot.Turns;

/// <summary>
/// Answers one kind of <c>invoke</c> activity (e.g. Teams' <c>composeExtension/query</c>). Invokes are synchronous:
/// the returned status and body become the HTTP response. Register implementations as <see cref="IInvokeHandler"/>;
/// the turn pipeline dispatches on <see cref="Name"/> (ordinal) and answers 501 for names nobody handles.
/// </summary>
public interface IInvokeHandler
{
    /// <summary>The invoke <c>name</c> this handler answers.</summary>
    string Name { get; }

    Task<InvokeResponse> HandleAsync(Activity invoke, CancellationToken cancellationToken);
}
