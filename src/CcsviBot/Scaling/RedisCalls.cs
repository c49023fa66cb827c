using CcsviBot.Channels.DirectLine;
using StackExchange.Redis;

namespace CcsviBot.Scaling;

/// <summary>Runs a Redis call and reports Redis being unreachable as the store being unavailable (503 at the edge).</summary>
internal static class RedisCalls
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            throw new DirectLineStoreUnavailableException("Redis cannot be reached: " + exception.Message, exception);
        }
    }
}
