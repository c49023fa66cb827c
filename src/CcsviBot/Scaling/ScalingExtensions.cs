using CcsviBot.Channels.DirectLine;
using CcsviBot.Maintenance;
using CcsviBot.Scaling;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CcsviBot;

/// <summary>
/// Several instances behind one address: with <c>Redis:ConnectionString</c> set, Direct Line's conversations, stream
/// signals, rate-limit counters and conversation cap move to Redis, FAQ reloads reach every instance, and readiness
/// includes Redis. Without it nothing changes: one instance, everything in memory.
/// </summary>
public static class ScalingExtensions
{
    /// <summary>How long a Redis connect or command may take before Direct Line answers 503.</summary>
    private const int RedisTimeoutMilliseconds = 2000;

    public static IServiceCollection AddScaling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisOptions>().Bind(configuration.GetSection(RedisOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>();
        var settings = configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>();
        if (settings?.Enabled != true)
        {
            return services;
        }

        services.AddSingleton<IConnectionMultiplexer>(provider =>
        {
            var redis = ConfigurationOptions.Parse(provider.GetRequiredService<IOptions<RedisOptions>>().Value.ConnectionString!);
            // Start even while Redis is down (Direct Line answers 503, the rest of the bot answers). While (re)connecting,
            // a command waits in the backlog up to the timeout, so a blip costs a pause rather than an error.
            redis.AbortOnConnectFail = false;
            redis.ConnectTimeout = RedisTimeoutMilliseconds;
            redis.AsyncTimeout = RedisTimeoutMilliseconds;
            redis.SyncTimeout = RedisTimeoutMilliseconds;
            return ConnectionMultiplexer.Connect(redis);
        });
        services.AddSingleton<RedisKeys>();
        services.AddSingleton<RedisStreamSignals>();
        services.Replace(ServiceDescriptor.Singleton<IDirectLineConversationStore, RedisDirectLineStore>());
        services.Replace(ServiceDescriptor.Singleton<IDirectLineRateCounter, RedisDirectLineRateCounter>());
        services.AddSingleton<RedisFleet>();
        services.Replace(ServiceDescriptor.Singleton<IFleet>(provider => provider.GetRequiredService<RedisFleet>()));
        services.AddHostedService(provider => provider.GetRequiredService<RedisFleet>());
        services.AddHostedService<RedisSubscriptions>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [AnsweringServiceExtensions.ReadyTag]);
        return services;
    }
}
