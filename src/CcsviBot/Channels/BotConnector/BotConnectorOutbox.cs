using System.Threading.Channels;
using CcsviBot.Protocol;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.BotConnector;

/// <summary>
/// Replies waiting to be sent, so that the channel's HTTP request is answered at once instead of waiting on a slow
/// connector. Bounded: when full, new turns wait for room rather than losing replies.
/// </summary>
public sealed class BotConnectorOutbox
{
    private const int Capacity = 1000;

    private readonly Channel<IReadOnlyList<Activity>> turns =
        Channel.CreateBounded<IReadOnlyList<Activity>>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<IReadOnlyList<Activity>> Reader => turns.Reader;

    /// <summary>Queues one turn's replies, to be sent in order. False when the host is shutting down and sends no more.</summary>
    public async ValueTask<bool> EnqueueAsync(IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        try
        {
            await turns.Writer.WriteAsync(replies, cancellationToken);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    public void Complete() => turns.Writer.TryComplete();
}

/// <summary>
/// Sends queued replies through the <see cref="BotConnectorClient"/>. On shutdown it stops taking turns and keeps sending
/// what is queued until the host's shutdown timeout; any reply that still fails is logged with its ids.
/// </summary>
public sealed partial class BotConnectorSender(
    BotConnectorOutbox outbox,
    BotConnectorClient connector,
    IOptions<BotOptions> options,
    ILogger<BotConnectorSender> logger) : BackgroundService
{
    private readonly CancellationTokenSource abandonSends = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.ConnectorConcurrency).Select(_ => SendQueuedAsync()));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        outbox.Complete();
        await using var abandonAtDeadline = cancellationToken.Register(abandonSends.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        abandonSends.Dispose();
        base.Dispose();
    }

    private async Task SendQueuedAsync()
    {
        // Reading without the stopping token: queued replies are still sent after shutdown begins.
        await foreach (var replies in outbox.Reader.ReadAllAsync(CancellationToken.None))
        {
            foreach (var reply in replies)
            {
                await SendOneAsync(reply);
            }
        }
    }

    private async Task SendOneAsync(Activity reply)
    {
        try
        {
            await connector.SendAsync(reply, abandonSends.Token);
        }
        catch (Exception exception)
        {
            // Whatever went wrong (connector refusal, token failure, shutdown deadline), this worker must keep
            // serving the other replies; the lost one is logged with the ids needed to trace it.
            LogSendFailed(exception, reply.Conversation?.Id, reply.ReplyToId, reply.ChannelId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reply NOT delivered to conversation {ConversationId} (in reply to activity {ReplyToId}, channel {ChannelId})")]
    private partial void LogSendFailed(Exception exception, string? conversationId, string? replyToId, string? channelId);
}
