using System.Runtime.CompilerServices;
using CcsviBot.Core.Answering;
using CcsviBot.Insights;
using CcsviBot.Testing;
using Npgsql;

namespace CcsviBot.Core.Tests.Insights;

/// <summary>Runs only where a PostgreSQL server is named; CI starts one and must never skip these.</summary>
public sealed class PostgreSqlFactAttribute : SkippableFactAttribute
{
    public const string Variable = "CCSVIBOT_TEST_POSTGRES";

    public PostgreSqlFactAttribute([CallerMemberName] string test = "")
        : base(test)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            SkipBecause($"no PostgreSQL server: set {Variable} to a connection string, or run .ci/run, which starts one (see README; CI never skips)");
        }
    }
}

/// <summary>The analytics store against a real PostgreSQL server, as several bot replicas would share it.</summary>
public sealed class PostgreSqlStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string schema = "t" + Guid.NewGuid().ToString("N")[..12];
    private string connectionString = string.Empty;

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgreSqlFactAttribute.Variable);
        if (string.IsNullOrEmpty(server))
        {
            return;
        }

        // A schema of its own per test class instance: parallel runs and earlier runs never see each other's rows.
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
        await create.ExecuteNonQueryAsync();
        connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgreSqlFactAttribute.Variable);
        if (string.IsNullOrEmpty(server))
        {
            return;
        }

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private SqlInsightsStore Store() =>
        SqlInsightsStore.Create(new InsightsOptions { Provider = InsightsProvider.PostgreSql, ConnectionString = connectionString }, settingsDirectory: null);

    [PostgreSqlFact]
    public async Task Turns_and_feedback_written_by_two_replicas_are_read_back_and_retention_removes_old_ones()
    {
        var replicaA = Store();
        var replicaB = Store();
        await replicaA.EnsureCreatedAsync(CancellationToken.None);
        await replicaB.EnsureCreatedAsync(CancellationToken.None);

        await replicaA.WriteAsync(
            [new StoredTurn(Now.AddDays(-40), "webchat", "old question", ReplyKind.None, null, 0.1)],
            [new FeedbackRecord(Now.AddDays(-40), "webchat", "stents", FeedbackKind.Outdated)],
            CancellationToken.None);
        await replicaB.WriteAsync(
            [new StoredTurn(Now, "msteams", "what is ccsvi", ReplyKind.Answer, "what-is-ccsvi", 0.93)],
            [new FeedbackRecord(Now, "msteams", "what-is-ccsvi", FeedbackKind.Helpful)],
            CancellationToken.None);

        var all = await replicaA.ReadSinceAsync(Now.AddDays(-60), CancellationToken.None);
        Assert.Equal(["old question", "what is ccsvi"], all.Turns.Select(t => t.Question));
        var recent = Assert.Single((await replicaB.ReadSinceAsync(Now.AddDays(-1), CancellationToken.None)).Turns);
        Assert.Equal(("msteams", ReplyKind.Answer, "what-is-ccsvi", 0.93), (recent.Channel, recent.Kind, recent.EntryId, recent.Confidence));

        Assert.Equal(2, await replicaB.DeleteOlderThanAsync(Now.AddDays(-30), CancellationToken.None));
        var kept = await replicaA.ReadSinceAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Equal("what is ccsvi", Assert.Single(kept.Turns).Question);
        Assert.Equal(FeedbackKind.Helpful, Assert.Single(kept.Feedback).Kind);
    }
}
