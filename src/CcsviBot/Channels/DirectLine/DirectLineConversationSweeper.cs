using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.DirectLine;

/// <summary>Sweeps idle conversations away so memory does not hold abandoned chats.</summary>
internal sealed class DirectLineConversationSweeper(DirectLineConversationStore store, IOptions<DirectLineOptions> options, TimeProvider time, ILogger<DirectLineConversationSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var removed = store.RemoveIdle();
            if (removed > 0)
            {
                logger.LogInformation("Expired {Count} idle Direct Line conversations; {Live} live", removed, store.Count);
            }
        }
    }
}
