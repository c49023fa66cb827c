using OpenTelemetry.Metrics;

namespace CcsviBot;

public static class MetricsExtensions
{
    /// <summary>The bot's instruments and ASP.NET Core's, collected by OpenTelemetry for the Prometheus exporter; served only when Metrics:Enabled.</summary>
    public static IServiceCollection AddBotMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<BotMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(BotMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());

        return services;
    }

    /// <summary><c>GET /metrics</c> (Metrics:Path) in the Prometheus text format, when Metrics:Enabled; otherwise nothing is mapped.</summary>
    public static WebApplication MapBotMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>().Value;
        if (options.Enabled)
        {
            // Instruments with observable callbacks are created with the singleton; make sure it exists before a scrape.
            app.Services.GetRequiredService<BotMetrics>();
            app.MapPrometheusScrapingEndpoint(options.Path);
        }

        return app;
    }
}
