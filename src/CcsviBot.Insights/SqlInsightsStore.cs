using System.Data.Common;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Configuration;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CcsviBot.Insights;

/// <summary>
/// The analytics store over plain ADO.NET. The schema and statements are written in the SQL common to SQLite and
/// PostgreSQL (BIGINT milliseconds, TEXT, DOUBLE PRECISION, @named parameters), so one class serves both engines.
/// </summary>
public sealed class SqlInsightsStore : IInsightsStore
{
    private static readonly string[] Schema =
    [
        """
        CREATE TABLE IF NOT EXISTS insight_turns (
            time_ms BIGINT NOT NULL,
            channel TEXT NOT NULL,
            question TEXT NOT NULL,
            kind TEXT NOT NULL,
            entry_id TEXT NULL,
            confidence DOUBLE PRECISION NOT NULL,
            earlier_question TEXT NULL,
            earlier_kind TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS insight_turns_time ON insight_turns (time_ms)",
        """
        CREATE TABLE IF NOT EXISTS insight_feedback (
            time_ms BIGINT NOT NULL,
            channel TEXT NOT NULL,
            entry_id TEXT NOT NULL,
            kind TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS insight_feedback_time ON insight_feedback (time_ms)",
    ];

    private readonly InsightsProvider _provider;
    private readonly string _connectionString;
    private readonly int _commandTimeoutSeconds;

    public SqlInsightsStore(InsightsProvider provider, string connectionString, int commandTimeoutSeconds, string description)
    {
        _provider = provider;
        _connectionString = connectionString;
        _commandTimeoutSeconds = commandTimeoutSeconds;
        Description = description;
    }

    public string Description { get; }

    /// <summary>
    /// The store the options describe. A relative SQLite <c>Data Source</c> resolves against
    /// <paramref name="settingsDirectory"/> and its folder is created, so the first run needs no set-up.
    /// </summary>
    public static SqlInsightsStore Create(InsightsOptions options, string? settingsDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == InsightsProvider.PostgreSql)
        {
            var postgres = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return new SqlInsightsStore(options.Provider, postgres.ConnectionString, options.CommandTimeoutSeconds,
                $"PostgreSQL {postgres.Host}/{postgres.Database}");
        }

        // BEGIN waits on a locked file for the connection's default timeout, not the command's: bound both.
        var sqlite = new SqliteConnectionStringBuilder(options.ConnectionString) { DefaultTimeout = options.CommandTimeoutSeconds };
        if (sqlite.DataSource != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory)
        {
            sqlite.DataSource = SettingsLocator.ResolvePath(sqlite.DataSource, settingsDirectory);
            var folder = Path.GetDirectoryName(sqlite.DataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return new SqlInsightsStore(options.Provider, sqlite.ConnectionString, options.CommandTimeoutSeconds, $"SQLite {sqlite.DataSource}");
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (_provider == InsightsProvider.Sqlite)
        {
            // WAL lets the report read while the bot writes.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken).ConfigureAwait(false);
        }

        foreach (var statement in Schema)
        {
            await ExecuteAsync(connection, null, statement, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task WriteAsync(IReadOnlyList<StoredTurn> turns, IReadOnlyList<FeedbackRecord> feedback, CancellationToken cancellationToken)
    {
        if (turns.Count == 0 && feedback.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await InsertAllAsync(connection, transaction,
            """
            INSERT INTO insight_turns (time_ms, channel, question, kind, entry_id, confidence, earlier_question, earlier_kind)
            VALUES (@time, @channel, @question, @kind, @entry, @confidence, @earlier_question, @earlier_kind)
            """,
            turns,
            (command, turn) =>
            {
                AddParameter(command, "@time", turn.Time.ToUnixTimeMilliseconds());
                AddParameter(command, "@channel", turn.Channel);
                AddParameter(command, "@question", turn.Question);
                AddParameter(command, "@kind", turn.Kind.ToString());
                AddParameter(command, "@entry", turn.EntryId);
                AddParameter(command, "@confidence", turn.Confidence);
                AddParameter(command, "@earlier_question", turn.EarlierQuestion);
                AddParameter(command, "@earlier_kind", turn.EarlierKind?.ToString());
            },
            cancellationToken).ConfigureAwait(false);
        await InsertAllAsync(connection, transaction,
            "INSERT INTO insight_feedback (time_ms, channel, entry_id, kind) VALUES (@time, @channel, @entry, @kind)",
            feedback,
            (command, item) =>
            {
                AddParameter(command, "@time", item.Time.ToUnixTimeMilliseconds());
                AddParameter(command, "@channel", item.Channel);
                AddParameter(command, "@entry", item.EntryId);
                AddParameter(command, "@kind", item.Kind.ToString());
            },
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var table in new[] { "insight_turns", "insight_feedback" })
        {
            await using var command = CreateCommand(connection, null, $"DELETE FROM {table} WHERE time_ms < @cutoff");
            AddParameter(command, "@cutoff", cutoff.ToUnixTimeMilliseconds());
            removed += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }

    public async Task<InsightsData> ReadSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var turns = new List<StoredTurn>();
        await using (var command = CreateCommand(connection, null,
            """
            SELECT time_ms, channel, question, kind, entry_id, confidence, earlier_question, earlier_kind
            FROM insight_turns WHERE time_ms >= @since ORDER BY time_ms
            """))
        {
            AddParameter(command, "@since", since.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!Enum.TryParse<ReplyKind>(reader.GetString(3), out var kind))
                {
                    continue;
                }

                ReplyKind? earlierKind = !reader.IsDBNull(7) && Enum.TryParse<ReplyKind>(reader.GetString(7), out var parsed) ? parsed : null;
                turns.Add(new StoredTurn(
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
                    reader.GetString(1),
                    reader.GetString(2),
                    kind,
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetDouble(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    earlierKind));
            }
        }

        var feedback = new List<FeedbackRecord>();
        await using (var command = CreateCommand(connection, null,
            "SELECT time_ms, channel, entry_id, kind FROM insight_feedback WHERE time_ms >= @since ORDER BY time_ms"))
        {
            AddParameter(command, "@since", since.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (Enum.TryParse<FeedbackKind>(reader.GetString(3), out var kind))
                {
                    feedback.Add(new FeedbackRecord(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), kind));
                }
            }
        }

        return new InsightsData(turns, feedback);
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = _provider == InsightsProvider.PostgreSql
            ? new NpgsqlConnection(_connectionString)
            : new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.CommandTimeout = _commandTimeoutSeconds;
        return command;
    }

    private async Task InsertAllAsync<T>(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<T> rows, Action<DbCommand, T> bind, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = CreateCommand(connection, transaction, sql);
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            bind(command, row);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
