using CcsviBot.Channels.Teams;
using CcsviBot.Turns;

namespace CcsviBot;

public static class TeamsExtensions
{
    /// <summary>Teams: Adaptive Card replies (with staff-tenant detail) and the FAQ search messaging extension.</summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>()
            .Bind(configuration.GetSection(TeamsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TeamsReplyRenderer>();
        services.AddSingleton<IReplyRenderer>(provider => provider.GetRequiredService<TeamsReplyRenderer>());
        services.AddSingleton<IInvokeHandler, ComposeExtensionQueryHandler>();
        return services;
    }
}
