using CcsviBot.Insights;

namespace CcsviBot.Turns;

/// <summary>What a button click asks for, read from a message's <c>value</c>.</summary>
public abstract record ActionValue
{
    /// <summary>The visitor rated an answer.</summary>
    public sealed record Feedback(FeedbackKind Kind, string EntryId) : ActionValue;

    /// <summary>The visitor picked a known entry (a related question or a clarification candidate).</summary>
    public sealed record PickEntry(string EntryId) : ActionValue;

    /// <summary>The visitor said none of the clarification candidates fit.</summary>
    public sealed record NoneOfThese : ActionValue;
}
