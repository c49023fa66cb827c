using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CcsviBot.Scaling;

/// <summary>
/// The names of this bot's keys and channels. The prefix is wrapped in braces (a Redis Cluster hash tag) so every key
/// hashes to one slot and a script may touch several.
/// </summary>
internal sealed class RedisKeys(IOptions<RedisOptions> options)
{
    private readonly string _root = "{" + options.Value.KeyPrefix + "}:";

    /// <summary>Prefix of the Direct Line keys, which the scripts extend (<c>conv:</c>, <c>log:</c>, <c>live</c>, …).</summary>
    public string DirectLine => _root + "dl:";

    /// <summary>Channel carrying the id of each conversation that changed (an append, or its end).</summary>
    public RedisChannel ConversationChanged => RedisChannel.Literal(DirectLine + "changed");

    public RedisKey Conversation(string id) => DirectLine + "conv:" + id;

    public RedisKey Transcript(string id) => DirectLine + "log:" + id;

    public RedisKey RateWindow(string policy, string partition, long window) => $"{_root}rl:{policy}:{partition}:{window}";

    /// <summary>Hash of the live instances: name → their last heartbeat.</summary>
    public RedisKey Instances => _root + "instances";

    /// <summary>Channel telling every instance to reload the FAQ (the message is the sender's name).</summary>
    public RedisChannel FaqReload => RedisChannel.Literal(_root + "faq-reload");
}
