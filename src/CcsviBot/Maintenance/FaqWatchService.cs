using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CcsviBot.Maintenance;

/// <summary>
/// Reloads the FAQ when its files change: a <see cref="FileSystemWatcher"/> for promptness (debounced, so that a
/// save of several files reloads once) and a periodic fingerprint check as the fallback for missed events, a deleted
/// and re-created folder, or file systems without change notification. Nothing reloads while the source is unchanged.
/// </summary>
public sealed partial class FaqWatchService(
    FaqReloader reloader,
    IOptions<MaintenanceOptions> options,
    ILogger<FaqWatchService> logger) : BackgroundService
{
    private readonly Channel<ReloadTrigger> _changes = Channel.CreateBounded<ReloadTrigger>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite, // one pending signal is enough
    });

    private FileSystemWatcher? _watcher;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WatchFaq)
        {
            return;
        }

        using var poll = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds));
        var pollTick = poll.WaitForNextTickAsync(stoppingToken).AsTask();
        var change = _changes.Reader.ReadAsync(stoppingToken).AsTask();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Watch only once the start-up load has run: hosts that serve a fixed knowledge base never load.
                if (reloader.LastFingerprint is not null)
                {
                    EnsureWatcher();
                }

                var fired = await Task.WhenAny(pollTick, change).ConfigureAwait(false);
                ReloadTrigger trigger;
                if (fired == change)
                {
                    trigger = await change.ConfigureAwait(false);
                    await DebounceAsync(stoppingToken).ConfigureAwait(false);
                    change = _changes.Reader.ReadAsync(stoppingToken).AsTask();
                }
                else
                {
                    await pollTick.ConfigureAwait(false);
                    trigger = ReloadTrigger.Poll;
                    pollTick = poll.WaitForNextTickAsync(stoppingToken).AsTask();
                }

                if (reloader.LastFingerprint is not null && FaqSourceFingerprint.Compute(reloader.FaqPath) != reloader.LastFingerprint)
                {
                    await reloader.ReloadAsync(trigger, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            _watcher?.Dispose();
        }
    }

    /// <summary>Waits until no further change has arrived for the debounce time.</summary>
    private async Task DebounceAsync(CancellationToken stoppingToken)
    {
        var quiet = TimeSpan.FromMilliseconds(options.Value.DebounceMilliseconds);
        while (true)
        {
            await Task.Delay(quiet, stoppingToken).ConfigureAwait(false);
            if (!_changes.Reader.TryRead(out _))
            {
                return;
            }
        }
    }

    /// <summary>(Re)creates the watcher when the watched folder exists and no healthy watcher is running.</summary>
    private void EnsureWatcher()
    {
        if (_watcher is { } current && !Directory.Exists(current.Path))
        {
            // The watched folder was deleted: this watcher is deaf now; a new one is made when the folder is back.
            Interlocked.Exchange(ref _watcher, null)?.Dispose();
        }

        if (_watcher is not null)
        {
            return;
        }

        var path = reloader.FaqPath;
        var isFolder = Directory.Exists(path);
        var folder = isFolder ? path : Path.GetDirectoryName(path);
        if (folder is null || !Directory.Exists(folder))
        {
            return;
        }

        try
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = isFolder,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            if (!isFolder)
            {
                watcher.Filter = Path.GetFileName(path);
            }

            watcher.Changed += OnChanged;
            watcher.Created += OnChanged;
            watcher.Deleted += OnChanged;
            watcher.Renamed += OnChanged;
            watcher.Error += OnError;
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or PlatformNotSupportedException)
        {
            // Out of inotify watches, unsupported file system…: polling still covers every change.
            LogWatcherUnavailable(exception, folder);
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => _changes.Writer.TryWrite(ReloadTrigger.FileChange);

    private void OnError(object sender, ErrorEventArgs e)
    {
        LogWatcherUnavailable(e.GetException(), reloader.FaqPath);
        var broken = Interlocked.Exchange(ref _watcher, null);
        broken?.Dispose();
        _changes.Writer.TryWrite(ReloadTrigger.FileChange);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Path} for changes; relying on polling")]
    private partial void LogWatcherUnavailable(Exception exception, string path);
}
