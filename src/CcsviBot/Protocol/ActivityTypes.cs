namespace CcsviBot.Protocol;

/// <summary>The activity types this bot acts on; every other type is acknowledged and ignored.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Invoke = "invoke";

    public static bool Is(this Activity activity, string type) => string.Equals(activity.Type, type, StringComparison.OrdinalIgnoreCase);
}
