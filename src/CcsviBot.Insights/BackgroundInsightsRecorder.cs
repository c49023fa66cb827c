using System.Threading.Channels;
using CcsviBot.Core.Answering;
using Microsoft.Extensions.Logging;

namespace CcsviBot.Insights;

/// <summary>What the analytics recorder has done so far, for the status endpoint and /healthz.</summary>
public sealed record InsightsStatus(
    bool Enabled,
    string Store,
    long Recorded,
    long Dropped,
    long Failed,
    int Queued,
    int QueueCapacity,
    bool Faulted,
    string? LastError,
    DateTimeOffset? LastErrorAt);

/// <summary>
/// Records turns and feedback without touching the answer path: <see cref="RecordTurn"/> only tries to enqueue into a
/// bounded queue (a full queue drops the record and counts it), and <see cref="RunAsync"/>, run by a background
/// service, redacts, links follow-ups and writes batches. A failing store (locked, corrupt, unreachable) is logged
/// and surfaced in <see cref="Status"/>; the records of that batch are counted as failed and the writer keeps going.
/// </summary>
public sealed class BackgroundInsightsRecorder : IInsightsRecorder
{
    private const int MaxBatch = 500;
    private const int MaxLinkedConversations = 10_000;
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan FinalFlushTimeout = TimeSpan.FromSeconds(2);

    private readonly IInsightsStore _store;
    private readonly InsightsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BackgroundInsightsRecorder> _logger;
    private readonly Channel<PendingRecord> _queue;

    // Touched only by the single writer loop.
    private readonly Dictionary<string, UnresolvedQuestion> _unresolvedByConversation = new(StringComparer.Ordinal);
    private bool _storeReady;
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    private long _recorded;
    private long _dropped;
    private long _failed;
    private volatile StoreFault? _fault;

    public BackgroundInsightsRecorder(IInsightsStore store, InsightsOptions options, TimeProvider time, ILogger<BackgroundInsightsRecorder> logger)
    {
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<PendingRecord>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait, // only TryWrite is used: "full" means drop-and-count, never wait
        });
    }

    public InsightsStatus Status
    {
        get
        {
            var fault = _fault;
            return new InsightsStatus(
                _options.Enabled,
                _store.Description,
                Interlocked.Read(ref _recorded),
                Interlocked.Read(ref _dropped),
                Interlocked.Read(ref _failed),
                _queue.Reader.Count,
                _options.QueueCapacity,
                fault is not null,
                fault?.Message,
                fault?.At);
        }
    }

    public void RecordTurn(TurnRecord turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        Enqueue(new PendingRecord(turn, null));
    }

    public void RecordFeedback(FeedbackRecord feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        Enqueue(new PendingRecord(null, feedback));
    }

    private void Enqueue(PendingRecord record)
    {
        if (_options.Enabled && !_queue.Writer.TryWrite(record))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>The writer loop: runs until <paramref name="stoppingToken"/> fires, then flushes what is queued.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var batch = new List<PendingRecord>(MaxBatch);
        try
        {
            // Create the store and apply retention before the first record, so that a broken store shows at once.
            await EnsureStoreAsync(stoppingToken).ConfigureAwait(false);
            await PurgeIfDueAsync(stoppingToken).ConfigureAwait(false);
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                DrainInto(batch);
                await WriteBatchAsync(batch, stoppingToken).ConfigureAwait(false);
                await PurgeIfDueAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            using var flush = new CancellationTokenSource(FinalFlushTimeout);
            DrainInto(batch, int.MaxValue);
            try
            {
                await WriteBatchAsync(batch, flush.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _logger.LogWarning("Insights: {Count} records were not written before shutdown.", batch.Count);
            }
        }
    }

    private void DrainInto(List<PendingRecord> batch, int max = MaxBatch)
    {
        batch.Clear();
        while (batch.Count < max && _queue.Reader.TryRead(out var record))
        {
            batch.Add(record);
        }
    }

    private async Task WriteBatchAsync(List<PendingRecord> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var turns = new List<StoredTurn>();
        var feedback = new List<FeedbackRecord>();
        foreach (var record in batch)
        {
            if (record.Turn is { } turn)
            {
                turns.Add(ToStoredTurn(turn));
            }
            else if (record.Feedback is { } item)
            {
                feedback.Add(item);
            }
        }

        try
        {
            if (!_storeReady)
            {
                await _store.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
                _storeReady = true;
            }

            await _store.WriteAsync(turns, feedback, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _recorded, batch.Count);
            MarkHealthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Interlocked.Add(ref _failed, batch.Count);
            _storeReady = false;
            MarkFaulted(exception);
        }
    }

    private async Task EnsureStoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _store.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            _storeReady = true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            MarkFaulted(exception);
        }
    }

    private async Task PurgeIfDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (!_storeReady || now - _lastPurge < PurgeInterval)
        {
            return;
        }

        _lastPurge = now;
        try
        {
            var removed = await _store.DeleteOlderThanAsync(now.AddDays(-_options.RetentionDays), cancellationToken).ConfigureAwait(false);
            if (removed > 0)
            {
                _logger.LogInformation("Insights: removed {Count} records older than {Days} days.", removed, _options.RetentionDays);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            MarkFaulted(exception);
        }
    }

    /// <summary>
    /// Redacts the question and, when this turn is the visitor's next message after the same conversation's
    /// clarification or unanswered question and is clearly a follow-up to it, keeps that earlier question beside it:
    /// the evidence for a suggested alternate. A follow-up to a clarification ends on one of its choices (picked or
    /// typed); a follow-up to an unanswered question shares a content word with it. Anything else in between (small
    /// talk, another question) ends the link, so "hello" or "who made you" after "ms" is never credited to "ms".
    /// </summary>
    private StoredTurn ToStoredTurn(TurnRecord turn)
    {
        var question = PersonalDataRedactor.Redact(turn.Question);
        string? earlierQuestion = null;
        ReplyKind? earlierKind = null;
        if (!string.IsNullOrEmpty(turn.ConversationKey))
        {
            var key = turn.ConversationKey;
            var window = TimeSpan.FromMinutes(_options.FollowUpWindowMinutes);
            if (_unresolvedByConversation.Remove(key, out var earlier)
                && turn.Kind == ReplyKind.Answer
                && turn.Time - earlier.Time <= window
                && !string.Equals(earlier.Question, question, StringComparison.OrdinalIgnoreCase)
                && (earlier.Kind == ReplyKind.Clarify
                    ? earlier.Choices.Contains(turn.EntryId!, StringComparer.Ordinal)
                    : QuestionGrouper.SharedContentWords(earlier.Question, question).Count > 0))
            {
                earlierQuestion = earlier.Question;
                earlierKind = earlier.Kind;
            }

            if (turn.Kind is ReplyKind.Clarify or ReplyKind.None)
            {
                _unresolvedByConversation[key] = new UnresolvedQuestion(question, turn.Kind, turn.Time, turn.Choices ?? []);
                TrimLinks(turn.Time - window);
            }
        }

        return new StoredTurn(turn.Time, turn.Channel, question, turn.Kind, turn.EntryId, turn.Confidence, earlierQuestion, earlierKind);
    }

    private void TrimLinks(DateTimeOffset expiredBefore)
    {
        if (_unresolvedByConversation.Count <= MaxLinkedConversations)
        {
            return;
        }

        foreach (var (key, value) in _unresolvedByConversation.ToList())
        {
            if (value.Time < expiredBefore)
            {
                _unresolvedByConversation.Remove(key);
            }
        }

        if (_unresolvedByConversation.Count > MaxLinkedConversations)
        {
            // Still over the bound with only live conversations: forget the oldest half rather than grow without limit.
            foreach (var (key, _) in _unresolvedByConversation.OrderBy(pair => pair.Value.Time).Take(_unresolvedByConversation.Count / 2).ToList())
            {
                _unresolvedByConversation.Remove(key);
            }
        }
    }

    private void MarkHealthy()
    {
        if (_fault is not null)
        {
            _fault = null;
            _logger.LogInformation("Insights store {Store} is writable again.", _store.Description);
        }
    }

    private void MarkFaulted(Exception exception)
    {
        var message = $"{exception.GetType().Name}: {exception.Message}";
        if (_fault?.Message != message)
        {
            // Logged when the fault starts or changes, not for every batch, so a dead store does not flood the log.
            _logger.LogError(exception, "Insights store {Store} failed; answers continue, records are being lost.", _store.Description);
        }

        _fault = new StoreFault(message, _time.GetUtcNow());
    }

    private readonly record struct PendingRecord(TurnRecord? Turn, FeedbackRecord? Feedback);

    private sealed record UnresolvedQuestion(string Question, ReplyKind Kind, DateTimeOffset Time, IReadOnlyList<string> Choices);

    private sealed record StoreFault(string Message, DateTimeOffset At);
}
