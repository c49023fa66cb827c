namespace CcsviBot.Core.Faq;

/// <summary>A small-talk intent (greeting, thanks, help, goodbye): the phrases that make up the whole message, and the reply.</summary>
public sealed record SmallTalkIntent(string Id, IReadOnlyList<string> Phrases, string Reply);
