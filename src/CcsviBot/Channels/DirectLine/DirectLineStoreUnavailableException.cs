namespace CcsviBot.Channels.DirectLine;

/// <summary>
/// The shared conversation store cannot be reached. Direct Line answers 503 with Retry-After
/// (<see cref="DirectLineStoreGuard"/>); nothing the client was told succeeded is lost, it simply retries.
/// </summary>
public sealed class DirectLineStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    public DirectLineStoreUnavailableException()
        : this("The Direct Line conversation store cannot be reached.")
    {
    }

    public DirectLineStoreUnavailableException(string message)
        : this(message, null)
    {
    }
}
