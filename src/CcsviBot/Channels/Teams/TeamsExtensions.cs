using CcsviBot.Channels.Teams;

namespace CcsviBot;

public static class TeamsExtensions
{
    /// <summary>Teams: Adaptive Card replies, staff-tenant detail, and the FAQ search messaging extension.</summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>()
            .Bind(configuration.GetSection(TeamsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TeamsCardFactory>();
        services.AddSingleton<ComposeExtensionQueryHandler>();
        return services;
    }
}
