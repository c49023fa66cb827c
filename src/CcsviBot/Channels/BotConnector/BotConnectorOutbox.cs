using System.Threading.Channels;
using CcsviBot.Protocol;

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
