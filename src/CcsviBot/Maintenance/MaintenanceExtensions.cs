namespace CcsviBot;

// SCAFFOLD: replaced by the feature that owns this folder.
public static class MaintenanceExtensions
{
    public static IServiceCollection AddMaintenance(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapMaintenance(this WebApplication app) => app;
}
