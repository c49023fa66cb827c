namespace CcsviBot.Core.Answering;

/// <summary>The engine's own fixed texts (never the user's words).</summary>
public static class EngineMessages
{
    public const string NoAnswer = "Sorry, I don't have a good answer to that. I can only answer the questions in my FAQ; here are some you could ask.";
    public const string TooLong = "Sorry, that message is too long for me (the limit is {0} characters). Please ask one short question at a time.";
    public const string Clarify = "I'm not sure which of these you mean. Did you mean…";
}
