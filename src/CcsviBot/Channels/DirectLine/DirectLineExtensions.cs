namespace CcsviBot;

// SCAFFOLD: replaced by the feature that owns this folder.
public static class DirectLineExtensions
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapDirectLine(this WebApplication app) => app;
}
