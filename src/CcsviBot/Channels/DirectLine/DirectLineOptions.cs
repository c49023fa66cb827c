using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// At most this many live conversations. Starting one more evicts the one idle the longest, but only when it has
    /// been idle at least <see cref="EvictionProtection"/>; otherwise the start is refused (503 + Retry-After).
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 5_000;

    /// <summary>A conversation used (a request, a refresh, an open stream) within this window is never evicted.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan EvictionProtection { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Live conversations one client address (an IPv4 address, an IPv6 /64) may hold at once.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversationsPerAddress { get; set; } = 50;

    /// <summary>
    /// Bytes of JSON one conversation's transcript may hold (what Direct Line keeps of each activity); the oldest
    /// activities are dropped beyond it, and a single activity larger than it is refused.
    /// </summary>
    [Range(16_384, 64L * 1024 * 1024)]
    public long MaxBytesPerConversation { get; set; } = 512 * 1024;

    /// <summary>Bytes all transcripts together may hold; past it new activities and conversations are refused (503).</summary>
    [Range(1024L * 1024, 64L * 1024 * 1024 * 1024)]
    public long MaxStoreBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Each conversation keeps its latest activities only; a watermark older than these replays from the oldest kept.</summary>
    [Range(10, 10_000)]
    public int MaxActivitiesPerConversation { get; set; } = 200;

    /// <summary>Open WebSocket streams per conversation (normally one per browser tab).</summary>
    [Range(1, 16)]
    public int MaxStreamsPerConversation { get; set; } = 3;

    /// <summary>Largest accepted activity JSON body, in bytes (Azure allows about 256K characters); what is kept of it is far smaller.</summary>
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

/// <summary>Checks what data annotations cannot: the signing key, secrets and origins.</summary>
internal sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.TokenSigningKey))
        {
            var key = new byte[options.TokenSigningKey.Length];
            if (!Convert.TryFromBase64String(options.TokenSigningKey, key, out var length) || length < 32)
            {
                failures.Add("DirectLine:TokenSigningKey must be base64 of at least 32 bytes (or empty to generate one at start-up).");
            }
        }

        if (options.MaxStoreBytes < options.MaxBytesPerConversation)
        {
            failures.Add("DirectLine:MaxStoreBytes must be at least DirectLine:MaxBytesPerConversation.");
        }

        if (options.MaxActivityBytes > options.MaxBytesPerConversation)
        {
            failures.Add("DirectLine:MaxActivityBytes must be at most DirectLine:MaxBytesPerConversation.");
        }

        if (options.Secrets.Any(secret => string.IsNullOrWhiteSpace(secret) || secret.Length < 16))
        {
            failures.Add("DirectLine:Secrets entries must be at least 16 characters long.");
        }

        foreach (var origin in options.AllowedOrigins)
        {
            if (origin != "*" && !IsOrigin(origin))
            {
                failures.Add($"DirectLine:AllowedOrigins entry '{origin}' is not an origin like https://www.example.org (no path, no trailing slash).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.Equals(value, uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
}
