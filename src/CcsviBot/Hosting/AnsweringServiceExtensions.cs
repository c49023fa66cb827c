namespace CcsviBot;

// SCAFFOLD: replaced by the feature that owns this folder.
public static class AnsweringServiceExtensions
{
    public static IServiceCollection AddAnswering(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapHealth(this WebApplication app) => app;
}
