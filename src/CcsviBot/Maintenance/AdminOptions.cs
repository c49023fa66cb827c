namespace CcsviBot.Maintenance;

/// <summary>The maintainers' endpoints (section <c>Admin</c>).</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";
    public const string ApiKeyHeader = "X-Api-Key";
    public const int MinimumKeyLength = 16;

    /// <summary>Shared secret for /admin/*. Empty: the endpoints do not exist (404).</summary>
    public string? ApiKey { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(ApiKey);
}
