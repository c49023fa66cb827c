namespace CcsviBot.Insights;

/// <summary>Which database engine holds the analytics.</summary>
public enum InsightsProvider
{
    /// <summary>A local SQLite file: one bot instance (the default).</summary>
    Sqlite,
    /// <summary>A shared PostgreSQL database: several bot replicas write to and report from one store.</summary>
    PostgreSql,
}

/// <summary>Settings of the maintainers' analytics (section <c>Insights</c>).</summary>
public sealed class InsightsOptions
{
    public const string SectionName = "Insights";

    /// <summary>The default store: a SQLite file under <c>data/</c>, relative to the repository's settings folder.</summary>
    public const string DefaultConnectionString = "Data Source=data/insights.db";

    /// <summary>False turns recording off entirely (nothing is queued or stored).</summary>
    public bool Enabled { get; set; } = true;

    public InsightsProvider Provider { get; set; } = InsightsProvider.Sqlite;

    /// <summary>ADO.NET connection string. For SQLite a relative <c>Data Source</c> resolves against the settings folder.</summary>
    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>Records older than this many days are deleted.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>Records waiting for the background writer; beyond this a record is dropped and counted, never waited for.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How long a clarification or an unanswered question stays linked to the visitor's next question.</summary>
    public int FollowUpWindowMinutes { get; set; } = 10;

    /// <summary>Seconds a store command may wait (for a lock, a slow server) before the write is counted as failed.</summary>
    public int CommandTimeoutSeconds { get; set; } = 5;

    /// <summary>The problems with these settings, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            errors.Add("Insights:ConnectionString must not be empty.");
        }

        if (RetentionDays is < 1 or > 3650)
        {
            errors.Add("Insights:RetentionDays must be between 1 and 3650.");
        }

        if (QueueCapacity is < 1 or > 1_000_000)
        {
            errors.Add("Insights:QueueCapacity must be between 1 and 1000000.");
        }

        if (FollowUpWindowMinutes is < 1 or > 1440)
        {
            errors.Add("Insights:FollowUpWindowMinutes must be between 1 and 1440.");
        }

        if (CommandTimeoutSeconds is < 1 or > 300)
        {
            errors.Add("Insights:CommandTimeoutSeconds must be between 1 and 300.");
        }

        return errors;
    }
}
