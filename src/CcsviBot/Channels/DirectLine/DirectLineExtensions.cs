using Microsoft.Extensions.DependencyInjection.Extensions;
using CcsviBot.Channels.DirectLine;

namespace CcsviBot;

/// <summary>The self-hosted Direct Line 3.0 channel and the Web Chat page that uses it.</summary>
public static class DirectLineExtensions
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokens>();
        // The embedded defaults; AddScaling swaps in the shared (Redis) ones when Redis:ConnectionString is set.
        services.TryAddSingleton<IDirectLineConversationStore, InMemoryDirectLineConversationStore>();
        services.TryAddSingleton<IDirectLineRateCounter, InMemoryDirectLineRateCounter>();
        services.AddSingleton<DirectLineBot>();
        services.AddSingleton<WebChatPage>();
        services.AddHostedService<DirectLineConversationSweeper>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<DirectLineOptions>, IDirectLineRateCounter>(DirectLineRateLimits.AddPolicies);
        services.AddCors(cors => cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy =>
        {
            var origins = configuration.GetSection(DirectLineOptions.SectionName).Get<DirectLineOptions>()?.AllowedOrigins ?? [];
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins([.. origins]);
            }

            // What DirectLineJS sends on every call, and the header it reads to back off after a 429.
            policy.WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent")
                .WithMethods("GET", "POST")
                .WithExposedHeaders("Retry-After")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        }));
        return services;
    }

    public static WebApplication MapDirectLine(this WebApplication app)
    {
        app.UseWebSockets();
        app.UseCors();
        // An unreachable shared store is a 503 with Retry-After on every Direct Line route (the rate limiter's counters included).
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(DirectLineEndpoints.BasePath) || context.Request.Path.StartsWithSegments(DirectLineEndpoints.PageTokenPath),
            branch => branch.Use(DirectLineStoreGuard.InvokeAsync));
        // Each Direct Line request's credential is checked once, before the rate limiter partitions by it.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(DirectLineEndpoints.BasePath),
            branch => branch.Use(async (context, next) =>
            {
                await context.RequestServices.GetRequiredService<DirectLineTokens>().CheckAsync(context).ConfigureAwait(false);
                await next(context).ConfigureAwait(false);
            }));
        app.UseRateLimiter();
        app.MapDirectLineApi();
        WebChatPage.Map(app);
        return app;
    }
}
