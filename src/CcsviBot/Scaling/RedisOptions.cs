using System.ComponentModel.DataAnnotations;

namespace CcsviBot.Scaling;

/// <summary>
/// Redis shared by every instance (section <c>Redis</c>). Empty <see cref="ConnectionString"/>: one instance, Direct
/// Line kept in this process's memory. Set: Direct Line conversations, streams' signals, rate-limit counters and the
/// conversation cap live in Redis, FAQ reloads reach every instance, and /admin/status lists the instances.
/// </summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=…,ssl=true</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Prefix of every key and channel (several bots, or test runs, can share one Redis). It is used as a Redis Cluster
    /// hash tag, so one bot's keys live in one slot and its scripts may touch them together.
    /// </summary>
    [Required, RegularExpression("^[A-Za-z0-9_.:-]{1,64}$")]
    public string KeyPrefix { get; set; } = "ccsvibot";

    /// <summary>How often an instance tells the others it is alive and which FAQ version it serves.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>This instance's name in /admin/status; empty: host name, process id and a random suffix.</summary>
    [StringLength(100)]
    public string? InstanceName { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);
}
