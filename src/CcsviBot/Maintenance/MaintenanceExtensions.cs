using CcsviBot.Insights;
using CcsviBot.Maintenance;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CcsviBot;

/// <summary>What FAQ maintainers need from the running bot: hot reload, analytics, /admin endpoints, /healthz details.</summary>
public static class MaintenanceExtensions
{
    public static IServiceCollection AddMaintenance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MaintenanceOptions>().Bind(configuration.GetSection(MaintenanceOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName))
            .Validate(admin => !admin.Enabled || admin.ApiKey!.Length >= AdminOptions.MinimumKeyLength,
                $"Admin:ApiKey must be at least {AdminOptions.MinimumKeyLength} characters (or empty to disable /admin).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FaqReloader>();
        services.AddSingleton<FaqContentHash>();
        services.TryAddSingleton<IFleet, SingleInstanceFleet>();
        services.AddHostedService<KnowledgeBaseLoader>();
        services.AddHostedService<FaqWatchService>();

        services.AddOptions<InsightsOptions>().Bind(configuration.GetSection(InsightsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InsightsOptions>, InsightsOptionsValidator>();
        services.AddSingleton<IInsightsStore>(provider =>
            SqlInsightsStore.Create(provider.GetRequiredService<IOptions<InsightsOptions>>().Value, configuration[RepositorySettings.SettingsDirectoryKey]));
        services.AddSingleton(provider => new BackgroundInsightsRecorder(
            provider.GetRequiredService<IInsightsStore>(),
            provider.GetRequiredService<IOptions<InsightsOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<BackgroundInsightsRecorder>>()));
        services.AddSingleton<IInsightsRecorder>(provider => provider.GetRequiredService<BackgroundInsightsRecorder>());
        services.AddHostedService<InsightsWriterService>();

        services.AddHealthChecks()
            .AddCheck<FaqReloadHealthCheck>("faq-reload")
            .AddCheck<InsightsHealthCheck>("insights");
        return services;
    }

    /// <summary>The /admin endpoints exist only when an admin key is configured; otherwise they are plain 404s.</summary>
    public static WebApplication MapMaintenance(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<AdminOptions>>().Value.Enabled)
        {
            app.MapAdminEndpoints();
        }

        return app;
    }
}
