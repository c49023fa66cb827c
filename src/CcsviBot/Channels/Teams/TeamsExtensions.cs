namespace CcsviBot;

// SCAFFOLD: replaced by the feature that owns this folder.
public static class TeamsExtensions
{
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration) => services;
}
