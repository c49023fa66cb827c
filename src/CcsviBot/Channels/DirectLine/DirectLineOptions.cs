using System.ComponentModel.DataAnnotations;

namespace CcsviBot.Channels.DirectLine;

/// <summary>Settings of the self-hosted Direct Line 3.0 channel and its Web Chat page (section <c>DirectLine</c>).</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// Site secrets accepted as <c>Authorization: Bearer</c> on <c>tokens/generate</c> and by server-side callers.
    /// They stay on the server: the page gets a conversation token from <c>POST /api/directline/token</c> instead.
    /// </summary>
    public List<string> Secrets { get; set; } = [];

    /// <summary>
    /// Base64 key (at least 32 bytes) signing conversation tokens. Empty: a random key is made at start-up, so tokens
    /// do not survive a restart (the page simply fetches a new one).
    /// </summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>Origins (scheme://host[:port]) of other sites allowed to call Direct Line from a browser; "*" allows any.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>The bot's display name on the page and in its activities.</summary>
    [Required, StringLength(60, MinimumLength = 1)]
    public string BotName { get; set; } = "CcsviBot";

    /// <summary>The bot's account id in Direct Line activities.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_.@:-]{1,64}$")]
    public string BotId { get; set; } = "ccsvibot";

    /// <summary>Initials in the bot's avatar bubble (Web Chat <c>botAvatarInitials</c>).</summary>
    [Required, StringLength(3, MinimumLength = 1)]
    public string BotAvatarInitials { get; set; } = "CB";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A conversation with no request for this long is forgotten.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>At most this many live conversations; starting one more evicts the one idle the longest.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 5_000;

    /// <summary>Each conversation keeps its latest activities only; a watermark older than these replays from the oldest kept.</summary>
    [Range(10, 10_000)]
    public int MaxActivitiesPerConversation { get; set; } = 200;

    /// <summary>Open WebSocket streams per conversation (normally one per browser tab).</summary>
    [Range(1, 16)]
    public int MaxStreamsPerConversation { get; set; } = 3;

    /// <summary>Largest accepted activity JSON body, in bytes (Azure allows about 256K characters).</summary>
    [Range(1_024, 1_048_576)]
    public int MaxActivityBytes { get; set; } = 262_144;

    /// <summary>Activities one conversation token may post per minute.</summary>
    [Range(1, 10_000)]
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>All other Direct Line requests (polling, reconnects, refreshes) per conversation token per minute.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 300;

    /// <summary>New conversation tokens one client address may obtain per minute.</summary>
    [Range(1, 10_000)]
    public int TokensPerMinute { get; set; } = 20;

    /// <summary>How often idle conversations are swept away.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
