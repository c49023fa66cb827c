namespace CcsviBot.Scaling;

/// <summary>
/// The Lua scripts that keep Direct Line's shared state consistent: each runs atomically in Redis, so two instances
/// can never both take the last conversation slot, give two activities one sequence number, or lose a byte count.
/// ARGV[1] is always the Direct Line key prefix (<see cref="RedisKeys.DirectLine"/>). Per conversation: a hash
/// <c>conv:{id}</c> (u user, o owner address, s last sequence, t last timestamp ticks, b bytes held) and a list
/// <c>log:{id}</c> of its kept activities (a 'T'yping or 'M' flag byte, then the JSON). Shared: the sorted set
/// <c>live</c> (id by last use, ms), the hash <c>owners</c> (address → conversations) and the counter <c>bytes</c>.
/// </summary>
internal static class RedisDirectLineScripts
{
    private const string RemoveFunction = """
        local function remove_conversation(p, id)
          local meta = p .. 'conv:' .. id
          local fields = redis.call('HMGET', meta, 'b', 'o')
          redis.call('DEL', meta, p .. 'log:' .. id)
          redis.call('ZREM', p .. 'live', id)
          if fields[1] then redis.call('DECRBY', p .. 'bytes', fields[1]) end
          if fields[2] and redis.call('HINCRBY', p .. 'owners', fields[2], -1) <= 0 then redis.call('HDEL', p .. 'owners', fields[2]) end
          redis.call('PUBLISH', p .. 'changed', id)
        end

        """;

    /// <summary>ARGV: prefix, id, now ms, idle timeout ms, key ttl ms. Returns the user id, or nil when gone or idle (then removed).</summary>
    public const string Find = RemoveFunction + """
        local p, id, now = ARGV[1], ARGV[2], tonumber(ARGV[3])
        local meta = p .. 'conv:' .. id
        local user = redis.call('HGET', meta, 'u')
        if not user then return false end
        local last = redis.call('ZSCORE', p .. 'live', id)
        if last and now - tonumber(last) >= tonumber(ARGV[4]) then
          remove_conversation(p, id)
          return false
        end
        redis.call('ZADD', p .. 'live', 'GT', now, id)
        redis.call('PEXPIRE', meta, ARGV[5])
        redis.call('PEXPIRE', p .. 'log:' .. id, ARGV[5])
        return user
        """;

    /// <summary>
    /// ARGV: prefix, id, user, owner, now ms, max conversations, max per address, store byte limit, bytes a new one
    /// needs, eviction protection ms, key ttl ms, conversation overhead bytes, idle timeout ms.
    /// Returns {0 created | 1 existing, user} or {2 address limit | 3 full, retry-after ms}.
    /// </summary>
    public const string Start = RemoveFunction + """
        local p, id, now = ARGV[1], ARGV[2], tonumber(ARGV[5])
        local meta = p .. 'conv:' .. id
        local existing = redis.call('HGET', meta, 'u')
        if existing then
          redis.call('ZADD', p .. 'live', 'GT', now, id)
          return {1, existing}
        end
        if tonumber(redis.call('HGET', p .. 'owners', ARGV[4]) or '0') >= tonumber(ARGV[7]) then return {2, tonumber(ARGV[13])} end
        while true do
          local count = redis.call('ZCARD', p .. 'live')
          local held = tonumber(redis.call('GET', p .. 'bytes') or '0')
          if count < tonumber(ARGV[6]) and held + tonumber(ARGV[9]) <= tonumber(ARGV[8]) then break end
          local oldest = redis.call('ZRANGE', p .. 'live', 0, 0, 'WITHSCORES')
          if #oldest == 0 then return {3, tonumber(ARGV[10])} end
          local wait = tonumber(oldest[2]) + tonumber(ARGV[10]) - now
          if wait > 0 then return {3, wait} end
          remove_conversation(p, oldest[1])
        end
        redis.call('HSET', meta, 'u', ARGV[3], 'o', ARGV[4], 's', '0', 't', '0', 'b', ARGV[12])
        redis.call('PEXPIRE', meta, ARGV[11])
        redis.call('INCRBY', p .. 'bytes', ARGV[12])
        redis.call('HINCRBY', p .. 'owners', ARGV[4], 1)
        redis.call('ZADD', p .. 'live', now, id)
        return {0, ARGV[3]}
        """;

    /// <summary>
    /// Appends when the transcript's last sequence is still the one the caller stamped the activity after.
    /// ARGV: prefix, id, expected last sequence, entry, counted size, timestamp ticks, max activities, max bytes per
    /// conversation, force (1: a bot reply), reserve, store byte limit, now ms, key ttl ms, activity overhead.
    /// Returns the new sequence, or -1 gone, -2 another append came first (stamp again), -3 store full.
    /// </summary>
    public const string Append = """
        local p, id = ARGV[1], ARGV[2]
        local meta, log = p .. 'conv:' .. id, p .. 'log:' .. id
        local state = redis.call('HMGET', meta, 's', 'b')
        if not state[1] then return -1 end
        if state[1] ~= ARGV[3] then return -2 end
        local size = tonumber(ARGV[5])
        if ARGV[9] == '0' and tonumber(redis.call('GET', p .. 'bytes') or '0') + size + tonumber(ARGV[10]) > tonumber(ARGV[11]) then return -3 end
        local sequence = tonumber(state[1]) + 1
        local length = redis.call('RPUSH', log, ARGV[4])
        local held, delta, overhead = tonumber(state[2]) + size, size, tonumber(ARGV[14])
        while length > 1 and (length > tonumber(ARGV[7]) or held > tonumber(ARGV[8])) do
          local freed = string.len(redis.call('LPOP', log)) - 1 + overhead
          held, delta, length = held - freed, delta - freed, length - 1
        end
        redis.call('HSET', meta, 's', tostring(sequence), 't', ARGV[6], 'b', tostring(held))
        redis.call('INCRBY', p .. 'bytes', delta)
        redis.call('ZADD', p .. 'live', 'GT', ARGV[12], id)
        redis.call('PEXPIRE', meta, ARGV[13])
        redis.call('PEXPIRE', log, ARGV[13])
        redis.call('PUBLISH', p .. 'changed', id)
        return sequence
        """;

    /// <summary>ARGV: prefix, id, watermark. Returns {last sequence, entries after the watermark…}, or nil when gone.</summary>
    public const string Read = """
        local p, id = ARGV[1], ARGV[2]
        local head = redis.call('HGET', p .. 'conv:' .. id, 's')
        if not head then return false end
        local log = p .. 'log:' .. id
        local length = redis.call('LLEN', log)
        local start = tonumber(ARGV[3]) - (tonumber(head) - length + 1) + 1
        if start < 0 then start = 0 end
        local result = {head}
        if start < length then
          local entries = redis.call('LRANGE', log, start, -1)
          for i = 1, #entries do result[#result + 1] = entries[i] end
        end
        return result
        """;

    /// <summary>ARGV: prefix, idle cutoff ms, at most this many. Returns {removed, live conversations, bytes held}.</summary>
    public const string Sweep = RemoveFunction + """
        local p = ARGV[1]
        local ids = redis.call('ZRANGEBYSCORE', p .. 'live', '-inf', ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))
        for i = 1, #ids do remove_conversation(p, ids[i]) end
        return {#ids, redis.call('ZCARD', p .. 'live'), tonumber(redis.call('GET', p .. 'bytes') or '0')}
        """;

    /// <summary>
    /// KEYS[1]: the window's counter. ARGV: permits asked, permits per window, window ms. Counts only granted permits.
    /// Returns {1 granted | 0 refused, ms left in the window}.
    /// </summary>
    public const string CountInWindow = """
        local asked = tonumber(ARGV[1])
        local used = tonumber(redis.call('GET', KEYS[1]) or '0')
        if used + asked > tonumber(ARGV[2]) then
          local left = redis.call('PTTL', KEYS[1])
          if left < 0 then left = tonumber(ARGV[3]) end
          return {0, left}
        end
        if redis.call('INCRBY', KEYS[1], asked) == asked then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
        return {1, 0}
        """;
}
