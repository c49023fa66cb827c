using System.Net;

namespace CcsviBot.Channels.BotConnector;

/// <summary>The Bot Connector refused a reply, or kept failing after every retry.</summary>
public sealed class BotConnectorException(string message, HttpStatusCode? status, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;
}
