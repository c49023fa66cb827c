using System.Globalization;
using System.Text.Json;
using CcsviBot.Channels.DirectLine;
using CcsviBot.Protocol;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CcsviBot.Scaling;

/// <summary>
/// Direct Line conversations in Redis, shared by every instance: the same budgets as the in-memory store (activities
/// and bytes per conversation, bytes and conversations in all, conversations per address, eviction protection),
/// counted atomically by <see cref="RedisDirectLineScripts"/>. Idle conversations are swept by every instance's
/// sweeper; their keys also expire on their own (twice the idle timeout) should every instance be gone.
/// </summary>
internal sealed class RedisDirectLineStore(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    RedisStreamSignals signals,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    ILogger<RedisDirectLineStore> logger) : IDirectLineConversationStore
{
    /// <summary>Enough tries for every instance to append to one conversation at the same moment.</summary>
    private const int AppendAttempts = 32;

    private const int SweepBatch = 1000;

    private readonly DirectLineOptions _options = options.Value;
    private int _count;
    private long _bytesHeld;

    public int Count => Volatile.Read(ref _count);

    public long BytesHeld => Interlocked.Read(ref _bytesHeld);

    private IDatabase Database => redis.GetDatabase();

    private long KeyLifetimeMilliseconds => (long)(_options.ConversationIdleTimeout.TotalMilliseconds * 2);

    public async ValueTask<IDirectLineConversation?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var user = await TouchAsync(id, time.GetUtcNow()).ConfigureAwait(false);
        return user is null ? null : new RedisDirectLineConversation(id, user, this, signals);
    }

    public async ValueTask<ConversationStart> StartAsync(string id, string userId, string owner, CancellationToken cancellationToken)
    {
        var result = (RedisResult[])(await RedisCalls.RunAsync(() => Database.ScriptEvaluateAsync(RedisDirectLineScripts.Start, values:
        [
            keys.DirectLine, id, userId, owner, NowMilliseconds(), _options.MaxConversations, _options.MaxConversationsPerAddress,
            _options.MaxStoreBytes, DirectLineByteBudget.ConversationOverhead + _options.MaxActivityBytes,
            (long)_options.EvictionProtection.TotalMilliseconds, KeyLifetimeMilliseconds, DirectLineByteBudget.ConversationOverhead,
            (long)_options.ConversationIdleTimeout.TotalMilliseconds,
        ])).ConfigureAwait(false))!;
        var outcome = (int)result[0];
        switch (outcome)
        {
            case 0 or 1:
                return new(new RedisDirectLineConversation(id, (string)result[1]!, this, signals), outcome == 0, StartRefusal.None, TimeSpan.Zero);
            case 2:
                return new(null, false, StartRefusal.AddressLimit, Clamp(TimeSpan.FromMilliseconds((long)result[1])));
            default:
                logger.LogWarning("Direct Line (Redis) is full: every conversation is in use, a new one is refused");
                return new(null, false, StartRefusal.Full, Clamp(TimeSpan.FromMilliseconds((long)result[1])));
        }
    }

    public async ValueTask<int> RemoveIdleAsync(CancellationToken cancellationToken)
    {
        var cutoff = NowMilliseconds() - (long)_options.ConversationIdleTimeout.TotalMilliseconds;
        var result = (RedisResult[])(await RedisCalls.RunAsync(() => Database.ScriptEvaluateAsync(RedisDirectLineScripts.Sweep,
            values: [keys.DirectLine, cutoff, SweepBatch])).ConfigureAwait(false))!;
        Volatile.Write(ref _count, (int)result[1]);
        Interlocked.Exchange(ref _bytesHeld, (long)result[2]);
        return (int)result[0];
    }

    /// <summary>Counts a use of the conversation; its user id, or null when it is gone (or was idle, and now is).</summary>
    public async Task<string?> TouchAsync(string id, DateTimeOffset now)
    {
        var user = await RedisCalls.RunAsync(() => Database.ScriptEvaluateAsync(RedisDirectLineScripts.Find, values:
            [keys.DirectLine, id, now.ToUnixTimeMilliseconds(), (long)_options.ConversationIdleTimeout.TotalMilliseconds, KeyLifetimeMilliseconds]))
            .ConfigureAwait(false);
        return user.IsNull ? null : (string?)user;
    }

    /// <summary>
    /// Stamps the activity with the next sequence number and a later timestamp than the last, and appends it if no
    /// other instance appended in between (else stamps again): every activity gets one id, in transcript order.
    /// </summary>
    public async Task<AppendOutcome> AppendAsync(string id, Activity activity, DateTimeOffset now, long reserve, bool force)
    {
        for (var attempt = 0; attempt < AppendAttempts; attempt++)
        {
            var state = await RedisCalls.RunAsync(() => Database.HashGetAsync(keys.Conversation(id), ["s", "t"])).ConfigureAwait(false);
            if (state[0].IsNull)
            {
                return AppendOutcome.StoreFull;
            }

            var last = (long)state[0];
            var stamped = DirectLineConversation.NextTimestamp(now, new DateTimeOffset((long)state[1], TimeSpan.Zero));
            activity.Id = DirectLineConversation.ActivityId(id, last + 1);
            activity.Timestamp = stamped;
            var json = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options);
            var size = json.Length + DirectLineByteBudget.ActivityOverhead;
            if (!force && size > _options.MaxBytesPerConversation - DirectLineByteBudget.ConversationOverhead)
            {
                return AppendOutcome.TooLarge;
            }

            var entry = new byte[json.Length + 1];
            entry[0] = activity.Type == "typing" ? (byte)'T' : (byte)'M';
            json.CopyTo(entry, 1);
            var result = (long)await RedisCalls.RunAsync(() => Database.ScriptEvaluateAsync(RedisDirectLineScripts.Append, values:
            [
                keys.DirectLine, id, last.ToString(CultureInfo.InvariantCulture), entry, size, stamped.UtcTicks, _options.MaxActivitiesPerConversation,
                _options.MaxBytesPerConversation, force ? 1 : 0, reserve, _options.MaxStoreBytes, now.ToUnixTimeMilliseconds(),
                KeyLifetimeMilliseconds, DirectLineByteBudget.ActivityOverhead,
            ])).ConfigureAwait(false);
            switch (result)
            {
                case -2:
                    continue;
                case -1 or -3:
                    return AppendOutcome.StoreFull;
                default:
                    return AppendOutcome.Appended;
            }
        }

        throw new DirectLineStoreUnavailableException($"Appending to conversation {id} lost {AppendAttempts} races in a row.");
    }

    /// <summary>The activities after <paramref name="watermark"/>, or null when the conversation is gone.</summary>
    public async Task<ActivitySet?> ReadAfterAsync(string id, long? watermark, bool includeTyping)
    {
        var result = await RedisCalls.RunAsync(() => Database.ScriptEvaluateAsync(RedisDirectLineScripts.Read,
            values: [keys.DirectLine, id, watermark ?? 0])).ConfigureAwait(false);
        if (result.IsNull)
        {
            return null;
        }

        var items = (RedisResult[])result!;
        var activities = new List<byte[]>(items.Length - 1);
        for (var i = 1; i < items.Length; i++)
        {
            var entry = (byte[])items[i]!;
            if (includeTyping || entry[0] != (byte)'T')
            {
                activities.Add(entry[1..]);
            }
        }

        return new(activities, (string)items[0]!);
    }

    private long NowMilliseconds() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private static TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
}
