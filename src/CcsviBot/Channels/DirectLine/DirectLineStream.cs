using System.Net.WebSockets;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.DirectLine;

/// <summary>
/// The <c>streamUrl</c> WebSocket: replays the transcript after the URL's watermark, then pushes each new activity
/// as an ActivitySet frame. The token travels in the URL (<c>?t=</c>) because browsers cannot set headers on it.
/// An open stream keeps its conversation alive; when the conversation ends (expiry, eviction, shutdown) the client
/// gets a close frame, never a reset.
/// </summary>
internal static partial class DirectLineStream
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    public static async Task<IResult> AcceptAsync(
        string conversationId,
        string? watermark,
        HttpContext context,
        DirectLineTokens tokens,
        IDirectLineConversationStore store,
        IOptions<DirectLineOptions> options,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggers)
    {
        var (conversation, refusal) = await DirectLineEndpoints.AuthorizeAsync(context, tokens, store, conversationId, context.RequestAborted).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineErrors.BadArgument("The stream URL is for a WebSocket connection.");
        }

        if (!DirectLineConversation.TryParseWatermark(watermark, out var from))
        {
            return DirectLineErrors.BadWatermark();
        }

        if (!conversation!.TryOpenStream(options.Value.MaxStreamsPerConversation))
        {
            return DirectLineErrors.Error(StatusCodes.Status409Conflict, "Collision", "This conversation already has its streams open.");
        }

        var logger = loggers.CreateLogger(typeof(DirectLineStream));
        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            await PumpAsync(socket, conversation, from, KeepAlivePeriod(options.Value), time, context.RequestAborted, lifetime.ApplicationStopping).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            LogDropped(logger, exception, conversationId);
        }
        finally
        {
            conversation.CloseStream(time.GetUtcNow());
        }

        return Results.Empty;
    }

    /// <summary>
    /// How often an open stream says it is alive and reads again without a signal: well inside the idle timeout, and
    /// a bound on how long a change signal lost in transit (a shared store's pub/sub reconnecting) can delay a frame.
    /// </summary>
    private static TimeSpan KeepAlivePeriod(DirectLineOptions options) =>
        TimeSpan.FromTicks(Math.Min(options.SweepInterval.Ticks, options.ConversationIdleTimeout.Ticks / 4));

    private static async Task PumpAsync(WebSocket socket, IDirectLineConversation conversation, long? from, TimeSpan keepAlive, TimeProvider time, CancellationToken aborted, CancellationToken stopping)
    {
        // The reader stops only when the connection goes: cancelling a receive aborts the socket, and then no close
        // frame could be sent. The conversation's end and shutdown stop the pump, which closes properly.
        var closedByClient = ReadUntilClosedAsync(socket, aborted);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, conversation.Ended, stopping);
        var stopped = Task.Delay(Timeout.Infinite, stop.Token);
        var sent = from;
        var reason = "closing";
        while (!stop.IsCancellationRequested)
        {
            var change = conversation.NextChange();
            ActivitySet? set;
            try
            {
                set = await conversation.ReadAfterAsync(sent, includeTyping: true, stop.Token).ConfigureAwait(false);
            }
            catch (DirectLineStoreUnavailableException)
            {
                // The client reconnects from its watermark (503 until the store is back), so nothing is lost.
                reason = "store unavailable";
                break;
            }

            if (set is null)
            {
                reason = "conversation ended";
                break;
            }

            if (set.Activities.Count > 0)
            {
                await socket.SendAsync(set.ToUtf8Json(), WebSocketMessageType.Text, endOfMessage: true, stop.Token).ConfigureAwait(false);
            }

            DirectLineConversation.TryParseWatermark(set.Watermark, out sent);
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            var keepAliveDue = Task.Delay(keepAlive, time, tick.Token);
            var woke = await Task.WhenAny(change, closedByClient, stopped, keepAliveDue).ConfigureAwait(false);
            await tick.CancelAsync().ConfigureAwait(false);
            if (woke == keepAliveDue)
            {
                try
                {
                    await conversation.KeepAliveAsync(time.GetUtcNow(), stop.Token).ConfigureAwait(false);
                }
                catch (DirectLineStoreUnavailableException)
                {
                    reason = "store unavailable";
                    break;
                }
            }
            else if (woke != change)
            {
                break;
            }
        }

        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            reason = conversation.Ended.IsCancellationRequested ? "conversation ended" : reason;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            timeout.CancelAfter(CloseTimeout);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token).ConfigureAwait(false);
            if (socket.State == WebSocketState.CloseSent)
            {
                // Give the client its chance to answer the close before the connection goes.
                await Task.WhenAny(closedByClient, Task.Delay(CloseTimeout, aborted)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads and ignores what the client sends (DirectLineJS sends empty keep-alive frames) until it closes.</summary>
    private static async Task ReadUntilClosedAsync(WebSocket socket, CancellationToken aborted)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var received = await socket.ReceiveAsync(buffer, aborted).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The connection is gone either way; the pump stops.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Direct Line stream of {ConversationId} dropped")]
    private static partial void LogDropped(ILogger logger, Exception exception, string conversationId);
}
