using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;
using CcsviBot.Insights;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CcsviBot.Core.Tests.Insights;

public sealed class RecorderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private InsightsOptions Options(string file = "insights.db", int capacity = 1000) => new()
    {
        ConnectionString = $"Data Source={file}",
        QueueCapacity = capacity,
        CommandTimeoutSeconds = 1,
    };

    private (BackgroundInsightsRecorder Recorder, SqlInsightsStore Store, TestLogger<BackgroundInsightsRecorder> Log) Create(InsightsOptions options)
    {
        var store = SqlInsightsStore.Create(options, _temp.Path);
        var log = new TestLogger<BackgroundInsightsRecorder>();
        return (new BackgroundInsightsRecorder(store, options, new FixedTime(Now), log), store, log);
    }

    private static TurnRecord Turn(string question, ReplyKind kind, string? entry = null, string? conversation = null, int minute = 0, string[]? choices = null) =>
        new(Now.AddMinutes(minute), "directline", question, kind, entry, 0.8, conversation, choices);

    [Fact]
    public async Task Creates_the_store_on_first_run_and_writes_redacted_turns_and_feedback()
    {
        var (recorder, store, _) = Create(Options("data/sub/insights.db"));
        using var stop = new CancellationTokenSource();
        var writer = recorder.RunAsync(stop.Token);

        recorder.RecordTurn(Turn("my name is Bob, mail bob@example.com: what is CCSVI?", ReplyKind.Answer, "what-is-ccsvi"));
        recorder.RecordFeedback(new FeedbackRecord(Now, "directline", "what-is-ccsvi", FeedbackKind.NotHelpful));
        await WaitUntil(() => recorder.Status.Recorded == 2);
        await stop.CancelAsync();
        await writer;

        Assert.True(File.Exists(_temp.File("data/sub/insights.db")));
        var data = await store.ReadSinceAsync(Now.AddDays(-1), CancellationToken.None);
        var turn = Assert.Single(data.Turns);
        Assert.Equal("my name is [name], mail [email]: what is CCSVI?", turn.Question);
        Assert.Equal(ReplyKind.Answer, turn.Kind);
        Assert.Equal("what-is-ccsvi", turn.EntryId);
        Assert.Equal(FeedbackKind.NotHelpful, Assert.Single(data.Feedback).Kind);
        Assert.False(recorder.Status.Faulted);
    }

    [Fact]
    public async Task Links_a_clarified_question_to_the_entry_the_visitor_then_chose_without_storing_the_conversation()
    {
        var (recorder, store, _) = Create(Options());
        using var stop = new CancellationTokenSource();
        var writer = recorder.RunAsync(stop.Token);

        recorder.RecordTurn(Turn("vein thing for ms", ReplyKind.Clarify, null, "conv-1", choices: ["what-is-ccsvi", "what-is-ms"]));
        recorder.RecordTurn(Turn("unrelated other visitor", ReplyKind.None, null, "conv-2"));
        recorder.RecordTurn(Turn("What is CCSVI?", ReplyKind.Answer, "what-is-ccsvi", "conv-1", minute: 1));
        recorder.RecordTurn(Turn("too late", ReplyKind.Answer, "x", "conv-2", minute: 60));
        await WaitUntil(() => recorder.Status.Recorded == 4);
        await stop.CancelAsync();
        await writer;

        var turns = (await store.ReadSinceAsync(Now.AddDays(-1), CancellationToken.None)).Turns;
        var chosen = turns.Single(t => t.Question == "What is CCSVI?");
        Assert.Equal("vein thing for ms", chosen.EarlierQuestion);
        Assert.Equal(ReplyKind.Clarify, chosen.EarlierKind);
        Assert.Null(turns.Single(t => t.Question == "too late").EarlierQuestion);
        Assert.DoesNotContain(turns, t => t.Question.Contains("conv-", StringComparison.Ordinal) || t.Channel.Contains("conv-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Credits_a_clarification_only_with_the_visitors_next_message_when_it_ends_on_one_of_its_choices()
    {
        var (recorder, store, _) = Create(Options());
        using var stop = new CancellationTokenSource();
        var writer = recorder.RunAsync(stop.Token);

        // The conversation from the issue: small talk and an unrelated question after "Did you mean…".
        recorder.RecordTurn(Turn("ms", ReplyKind.Clarify, null, "conv-1", choices: ["what-is-ms", "ms-cause", "who-gets-ms"]));
        recorder.RecordTurn(Turn("hello", ReplyKind.SmallTalk, null, "conv-1"));
        recorder.RecordTurn(Turn("thanks", ReplyKind.SmallTalk, null, "conv-1"));
        recorder.RecordTurn(Turn("who made you", ReplyKind.Answer, "about-this-service", "conv-1"));
        // An unrelated question right after a clarification, and one right after an unanswered question.
        recorder.RecordTurn(Turn("ms", ReplyKind.Clarify, null, "conv-2", choices: ["what-is-ms", "ms-cause", "who-gets-ms"]));
        recorder.RecordTurn(Turn("who made you", ReplyKind.Answer, "about-this-service", "conv-2"));
        recorder.RecordTurn(Turn("price of the drug ocrevus", ReplyKind.None, null, "conv-3"));
        recorder.RecordTurn(Turn("who made you", ReplyKind.Answer, "about-this-service", "conv-3"));
        await WaitUntil(() => recorder.Status.Recorded == 8);
        await stop.CancelAsync();
        await writer;

        var data = await store.ReadSinceAsync(Now.AddDays(-1), CancellationToken.None);
        Assert.All(data.Turns, turn => Assert.Null(turn.EarlierQuestion));
        var report = InsightsReportBuilder.Build(data, FaqLoader.Load(TestPaths.RealFaq).Content, Now.AddDays(-1), Now);
        Assert.Empty(report.SuggestedAlternates);
    }

    [Fact]
    public void A_full_queue_drops_and_counts_without_blocking()
    {
        // No writer loop runs, so nothing leaves the queue.
        var (recorder, _, _) = Create(Options(capacity: 3));

        for (var i = 0; i < 10; i++)
        {
            recorder.RecordTurn(Turn($"question {i}", ReplyKind.None));
        }

        recorder.RecordFeedback(new FeedbackRecord(Now, "test", "a", FeedbackKind.Helpful));

        Assert.Equal(3, recorder.Status.Queued);
        Assert.Equal(8, recorder.Status.Dropped);
    }

    [Fact]
    public async Task A_corrupt_database_is_logged_and_surfaced_while_recording_continues()
    {
        await File.WriteAllTextAsync(_temp.File("corrupt.db"), new string('x', 8192));
        var (recorder, _, log) = Create(Options("corrupt.db"));
        using var stop = new CancellationTokenSource();
        var writer = recorder.RunAsync(stop.Token);

        recorder.RecordTurn(Turn("what is ccsvi", ReplyKind.Answer, "what-is-ccsvi"));
        await WaitUntil(() => recorder.Status.Failed == 1);
        recorder.RecordTurn(Turn("is it safe", ReplyKind.None));
        await WaitUntil(() => recorder.Status.Failed == 2);
        await stop.CancelAsync();
        await writer;

        var status = recorder.Status;
        Assert.True(status.Faulted);
        Assert.Contains("SqliteException", status.LastError, StringComparison.Ordinal);
        Assert.Equal(0, status.Recorded);
        // Logged once when the fault began, not once per batch.
        Assert.Single(log.Entries, e => e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task A_locked_database_is_surfaced_and_recovers_when_the_lock_goes()
    {
        var options = Options("locked.db");
        var (recorder, store, _) = Create(options);
        await store.EnsureCreatedAsync(CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var writer = recorder.RunAsync(stop.Token);

        await using (var locker = new SqliteConnection($"Data Source={_temp.File("locked.db")};Pooling=False"))
        {
            await locker.OpenAsync();
            // Another process holding the write lock, e.g. a maintainer's tool left in a transaction.
            await using var transaction = locker.BeginTransaction(deferred: false);
            await using (var command = locker.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "INSERT INTO insight_feedback VALUES (0, 'tool', 'x', 'Helpful')";
                await command.ExecuteNonQueryAsync();
            }

            recorder.RecordTurn(Turn("while locked", ReplyKind.None));
            await WaitUntil(() => recorder.Status.Failed == 1);
            Assert.True(recorder.Status.Faulted);
        }

        recorder.RecordTurn(Turn("after the lock", ReplyKind.None));
        await WaitUntil(() => recorder.Status.Recorded == 1);
        await stop.CancelAsync();
        await writer;

        Assert.False(recorder.Status.Faulted);
        Assert.Equal("after the lock", Assert.Single((await store.ReadSinceAsync(Now.AddDays(-1), CancellationToken.None)).Turns).Question);
    }

    [Fact]
    public async Task Retention_removes_records_older_than_the_configured_days()
    {
        var options = Options();
        options.RetentionDays = 30;
        var (recorder, store, _) = Create(options);
        await store.EnsureCreatedAsync(CancellationToken.None);
        await store.WriteAsync([new StoredTurn(Now.AddDays(-31), "test", "old", ReplyKind.None, null, 0)],
            [new FeedbackRecord(Now.AddDays(-45), "test", "a", FeedbackKind.Helpful)], CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var writer = recorder.RunAsync(stop.Token);

        recorder.RecordTurn(Turn("new", ReplyKind.None));
        await WaitUntil(() => recorder.Status.Recorded == 1);
        await WaitUntil(() => store.ReadSinceAsync(DateTimeOffset.MinValue.AddYears(2000), CancellationToken.None).Result.Turns.Count == 1);
        await stop.CancelAsync();
        await writer;

        var data = await store.ReadSinceAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Equal("new", Assert.Single(data.Turns).Question);
        Assert.Empty(data.Feedback);
    }

    [Fact]
    public void Disabled_recording_queues_nothing()
    {
        var options = Options();
        options.Enabled = false;
        var (recorder, _, _) = Create(options);

        recorder.RecordTurn(Turn("anything", ReplyKind.None));

        Assert.Equal(0, recorder.Status.Queued);
        Assert.Equal(0, recorder.Status.Dropped);
        Assert.False(recorder.Status.Enabled);
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        // A generous bound so that a broken writer fails the test instead of hanging it; not a speed assertion.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached");
            await Task.Delay(20);
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class StoreDescriptionTests
{
    [Fact]
    public void A_PostgreSQL_store_is_described_without_its_password()
    {
        var store = SqlInsightsStore.Create(new InsightsOptions
        {
            Provider = InsightsProvider.PostgreSql,
            ConnectionString = "Host=db.internal;Database=ccsvibot;Username=bot;Password=hunter2-secret",
        }, settingsDirectory: null);

        Assert.Equal("PostgreSQL db.internal/ccsvibot", store.Description);
        Assert.DoesNotContain("hunter2", store.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_settings_are_all_reported()
    {
        var problems = new InsightsOptions { ConnectionString = " ", RetentionDays = 0, QueueCapacity = 0 }.Validate();

        Assert.Equal(3, problems.Count);
    }
}
