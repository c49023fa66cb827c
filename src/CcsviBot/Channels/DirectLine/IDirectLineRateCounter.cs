using System.Threading.RateLimiting;

namespace CcsviBot.Channels.DirectLine;

/// <summary>
/// Makes the fixed-window limiter for one rate-limit partition (a policy and a conversation or client address),
/// counted where the conversations are kept: this process, or a store every instance shares.
/// </summary>
internal interface IDirectLineRateCounter
{
    RateLimiter Create(string policy, string partitionKey, int permits, TimeSpan window);
}
