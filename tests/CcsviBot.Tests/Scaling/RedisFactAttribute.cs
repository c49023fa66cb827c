using System.Runtime.CompilerServices;
using CcsviBot.Testing;

namespace CcsviBot.Tests.Scaling;

/// <summary>Runs only where a Redis server is named; CI starts one (.ci/run) and must never skip these.</summary>
public sealed class RedisFactAttribute : SkippableFactAttribute
{
    public const string Variable = "CCSVIBOT_TEST_REDIS";

    public RedisFactAttribute([CallerMemberName] string test = "")
        : base(test)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            SkipBecause($"no Redis server: set {Variable} to host:port, or run .ci/run, which starts one (see README; CI never skips)");
        }
    }

    /// <summary>The shared test server's connection string (CI without one fails here, loudly).</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"{Variable} is not set: CI must start Redis (.ci/run does).");
}
