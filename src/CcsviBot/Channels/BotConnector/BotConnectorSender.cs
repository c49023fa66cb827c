using System.Threading.Channels;
using CcsviBot.Protocol;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.BotConnector;

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
