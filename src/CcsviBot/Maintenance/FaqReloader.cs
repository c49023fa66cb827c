using System.Diagnostics;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Meaning;
using CcsviBot.Core.Configuration;
using CcsviBot.Core.Faq;
using Microsoft.Extensions.Options;

namespace CcsviBot.Maintenance;

/// <summary>
/// Publishes FAQ snapshots without a restart. Each attempt loads, checks (the same rules as <c>faq check</c>) and
/// indexes the content off to the side; only a clean result is swapped in, atomically, and the replaced snapshot is
/// disposed after a grace period so that requests still holding it finish normally. A failed attempt keeps the last
/// good snapshot, logs every <c>file:line</c> error and is reported in <see cref="LastResult"/>.
/// </summary>
public sealed partial class FaqReloader : IDisposable
{
    private readonly StartupKnowledgeBaseProvider _provider;
    private readonly KnowledgeBaseFactory _factory;
    private readonly IOptions<AnsweringOptions> _answering;
    private readonly IOptions<MaintenanceOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<FaqReloader> _logger;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly CancellationTokenSource _disposed = new();
    private long _version;
    private long _published;
    private long _rejected;
    private int _retiring;
    private volatile ReloadResult? _lastResult;
    private volatile string? _lastFingerprint;

    public FaqReloader(
        StartupKnowledgeBaseProvider provider,
        KnowledgeBaseFactory factory,
        IOptions<FaqOptions> faq,
        IOptions<AnsweringOptions> answering,
        IOptions<MaintenanceOptions> options,
        IConfiguration configuration,
        TimeProvider time,
        ILogger<FaqReloader> logger)
    {
        _provider = provider;
        _factory = factory;
        _answering = answering;
        _options = options;
        _time = time;
        _logger = logger;
        FaqPath = SettingsLocator.ResolvePath(faq.Value.Path, configuration[RepositorySettings.SettingsDirectoryKey]);
    }

    /// <summary>The FAQ folder or JSON Lines file being served.</summary>
    public string FaqPath { get; }

    public ReloadResult? LastResult => _lastResult;

    /// <summary>Attempts that published a version, and attempts that were rejected, since start-up (metrics).</summary>
    public long Published => Interlocked.Read(ref _published);

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>The fingerprint of the source at the last attempt, good or bad: the watcher reloads only when it changes.</summary>
    public string? LastFingerprint => _lastFingerprint;

    /// <summary>Replaced snapshots waiting for their grace period to end.</summary>
    public int RetiringSnapshots => Volatile.Read(ref _retiring);

    /// <summary>Loads, checks and indexes the FAQ, and publishes it if it is clean. Attempts run one at a time.</summary>
    public async Task<ReloadResult> ReloadAsync(ReloadTrigger trigger, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Loading and indexing are CPU and file work: keep them off the caller's (request or watcher) thread.
            var result = await Task.Run(() => AttemptSafely(trigger), cancellationToken).ConfigureAwait(false);
            _lastResult = result;
            Interlocked.Increment(ref result.Published ? ref _published : ref _rejected);
            return result;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>Whatever goes wrong in loading or indexing is a rejected attempt, never a crash of the host.</summary>
    private ReloadResult AttemptSafely(ReloadTrigger trigger)
    {
        try
        {
            return Attempt(trigger);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogBuildFailed(exception, FaqPath);
            var kept = TryCurrent();
            if (kept is null)
            {
                _provider.Fail($"The FAQ at {FaqPath} could not be loaded: {exception.Message}");
            }

            var error = new FaqDiagnostic(FaqPath, 0, DiagnosticSeverity.Error, $"loading failed: {exception.Message}");
            return new ReloadResult(_time.GetUtcNow(), trigger, false, kept?.Version, kept?.Content.Entries.Count ?? 0, 0, [error], 0);
        }
    }

    private ReloadResult Attempt(ReloadTrigger trigger)
    {
        var started = Stopwatch.GetTimestamp();
        _lastFingerprint = FaqSourceFingerprint.Compute(FaqPath);
        var loaded = FaqLoader.Load(FaqPath);
        var diagnostics = _options.Value.CheckContent
            ? FaqChecker.Check(loaded, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime))
            : loaded.Diagnostics;
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var warnings = diagnostics.Count - errors.Count;
        if (errors.Count > 0 || loaded.Content is null)
        {
            foreach (var error in errors)
            {
                LogDiagnostic(error.ToString());
            }

            var kept = TryCurrent();
            if (kept is null)
            {
                _provider.Fail($"The FAQ at {FaqPath} has {errors.Count} error(s); the bot answers nothing until they are fixed (see /admin/status or the log).");
            }

            LogRejected(FaqPath, errors.Count, kept?.Version);
            return new ReloadResult(_time.GetUtcNow(), trigger, false, kept?.Version, kept?.Content.Entries.Count ?? 0,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, errors, warnings);
        }

        var version = Interlocked.Increment(ref _version);
        var built = _factory.Build(loaded.Content, _answering.Value, version, _time, TryCurrent());
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var result = new ReloadResult(_time.GetUtcNow(), trigger, true, version, built.Content.Entries.Count, elapsed, [], warnings);

        // Recorded before publishing: whoever sees the new version (status, /healthz) must not still see the rejection before it.
        _lastResult = result;
        var replaced = _provider.Publish(built);
        if (replaced is not null)
        {
            Retire(replaced);
        }

        LogPublished(version, built.Content.Entries.Count, FaqPath, elapsed, trigger);
        _ = built.MeaningReady.ContinueWith(
            ready =>
            {
                if (ready.IsFaulted)
                {
                    LogMeaningFailed(ready.Exception!.GetBaseException(), version);
                }
                else if (built.MeaningState == MeaningState.Ready)
                {
                    LogMeaningReady(version, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return result;
    }

    private KnowledgeBase? TryCurrent()
    {
        try
        {
            return _provider.Current;
        }
        catch (KnowledgeBaseUnavailableException)
        {
            return null;
        }
    }

    private void Retire(KnowledgeBase replaced)
    {
        Interlocked.Increment(ref _retiring);
        _ = Task.Delay(TimeSpan.FromSeconds(_options.Value.RetireAfterSeconds), _time, _disposed.Token)
            .ContinueWith(_ =>
            {
                // Runs after the grace period, or at once when the host shuts down.
                replaced.Dispose();
                Interlocked.Decrement(ref _retiring);
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        _oneAtATime.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the FAQ at {Path} failed; the last good version stays")]
    private partial void LogBuildFailed(Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Diagnostic}")]
    private partial void LogDiagnostic(string diagnostic);

    [LoggerMessage(Level = LogLevel.Error, Message = "FAQ at {Path} rejected with {ErrorCount} error(s); still serving version {Version}")]
    private partial void LogRejected(string path, int errorCount, long? version);

    [LoggerMessage(Level = LogLevel.Information, Message = "FAQ version {Version}: second opinion from meaning ready after {Milliseconds:F0} ms")]
    private partial void LogMeaningReady(long version, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "FAQ version {Version}: the meaning model failed; answering by the words alone")]
    private partial void LogMeaningFailed(Exception exception, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "FAQ version {Version} published: {EntryCount} entries from {Path} in {Milliseconds:F0} ms ({Trigger})")]
    private partial void LogPublished(long version, int entryCount, string path, double milliseconds, ReloadTrigger trigger);
}
