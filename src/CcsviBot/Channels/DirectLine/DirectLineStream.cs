using System.Net.WebSockets;
using System.Text.Json;
using CcsviBot.Protocol;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.DirectLine;

/// <summary>
/// The <c>streamUrl</c> WebSocket: replays the transcript after the URL's watermark, then pushes each new activity
/// as an ActivitySet frame. The token travels in the URL (<c>?t=</c>) because browsers cannot set headers on it.
/// </summary>
internal static class DirectLineStream
{
    public static async Task<IResult> AcceptAsync(
        string conversationId,
        string? t,
        string? watermark,
        HttpContext context,
        DirectLineTokens tokens,
        DirectLineConversationStore store,
        IOptions<DirectLineOptions> options,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggers)
    {
        if (DirectLineEndpoints.Authorize(tokens.Check(t), store, conversationId, out var conversation) is { } refusal)
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

        if (!conversation.TryOpenStream(options.Value.MaxStreamsPerConversation))
        {
            return DirectLineErrors.Error(StatusCodes.Status409Conflict, "Collision", "This conversation already has its streams open.");
        }

        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, conversation.Ended, lifetime.ApplicationStopping);
            await PumpAsync(socket, conversation, from, stop.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            loggers.CreateLogger(typeof(DirectLineStream)).LogDebug(exception, "Direct Line stream of {ConversationId} dropped", conversationId);
        }
        finally
        {
            conversation.CloseStream();
        }

        return Results.Empty;
    }

    private static async Task PumpAsync(WebSocket socket, DirectLineConversation conversation, long? from, CancellationToken stop)
    {
        var closedByClient = ReadUntilClosedAsync(socket, stop);
        var stopped = Task.Delay(Timeout.Infinite, stop);
        var sent = from;
        while (!stop.IsCancellationRequested)
        {
            var change = conversation.NextChange();
            var set = conversation.ReadAfter(sent, includeTyping: true);
            if (set.Activities.Count > 0)
            {
                var frame = JsonSerializer.SerializeToUtf8Bytes(set, ProtocolJson.Options);
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, stop).ConfigureAwait(false);
            }

            DirectLineConversation.TryParseWatermark(set.Watermark, out sent);
            var woke = await Task.WhenAny(change, closedByClient, stopped).ConfigureAwait(false);
            if (woke != change)
            {
                break;
            }
        }

        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            var reason = conversation.Ended.IsCancellationRequested ? "conversation ended" : "closing";
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Reads and ignores what the client sends (DirectLineJS sends empty keep-alive frames) until it closes.</summary>
    private static async Task ReadUntilClosedAsync(WebSocket socket, CancellationToken stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, stop).ConfigureAwait(false);
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
}
