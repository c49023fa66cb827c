using static CcsviBot.Tests.Scaling.RedisInstances;

namespace CcsviBot.Tests.Scaling;

/// <summary>A test class whose instances share the test Redis under a key prefix of their own, deleted afterwards.</summary>
public abstract class RedisTestClass : IAsyncLifetime
{
    protected string Prefix { get; } = NewPrefix();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(RedisFactAttribute.Variable)))
        {
            await ForgetAsync(Prefix);
        }
    }
}
