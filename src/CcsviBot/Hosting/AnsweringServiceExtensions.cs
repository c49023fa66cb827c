using System.Text.Json;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Configuration;
using CcsviBot.Core.Meaning;
using CcsviBot.Core.Search;
using CcsviBot.Meaning;
using CcsviBot.Protocol;
using CcsviBot.Turns;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CcsviBot;

public static class AnsweringServiceExtensions
{
    public const string HealthPath = "/healthz";
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";
    /// <summary>Checks that decide readiness (can the bot answer?); the others only degrade.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// The FAQ knowledge base provider and the turn pipeline with its Markdown rendering. Loading and reloading the FAQ,
    /// and recording insights, belong to the maintenance feature (<see cref="MaintenanceExtensions.AddMaintenance"/>).
    /// </summary>
    public static IServiceCollection AddAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FaqOptions>().Bind(configuration.GetSection(FaqOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnsweringOptions>().Bind(configuration.GetSection(AnsweringOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AnsweringOptions>>(new ProblemsValidator<AnsweringOptions>(AnsweringOptions.Problems));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFaqIndexBuilder>(_ => new LuceneFaqIndexBuilder());
        services.AddOptions<MeaningOptions>().Bind(configuration.GetSection(MeaningOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MeaningOptions>>(new ProblemsValidator<MeaningOptions>(MeaningOptions.Problems));
        services.TryAddSingleton(provider => new MiniLmEmbedder(provider.GetRequiredService<IOptions<MeaningOptions>>().Value.CachedQuestions));
        services.TryAddSingleton(provider =>
        {
            var indexBuilder = provider.GetRequiredService<IFaqIndexBuilder>();
            var meaning = provider.GetRequiredService<IOptions<MeaningOptions>>().Value;
            if (!meaning.Enabled)
            {
                return new KnowledgeBaseFactory(indexBuilder);
            }

            // The model is loaded only when enabled; the container disposes it with the app.
            var folder = SettingsLocator.ResolvePath(meaning.VectorFolder, configuration[RepositorySettings.SettingsDirectoryKey]);
            return new KnowledgeBaseFactory(indexBuilder, provider.GetRequiredService<MiniLmEmbedder>(), new EmbeddingStore(folder));
        });
        services.AddSingleton<StartupKnowledgeBaseProvider>();
        services.TryAddSingleton<IKnowledgeBaseProvider>(provider => provider.GetRequiredService<StartupKnowledgeBaseProvider>());

        services.AddSingleton<MarkdownActivityRenderer>();
        services.AddSingleton<ReplyRendererSelector>();
        services.AddSingleton<ITurnHandler, TurnHandler>();
        services.AddBotMetrics(configuration);

        services.AddHealthChecks().AddCheck<KnowledgeBaseHealthCheck>("knowledge-base", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// <c>GET /healthz/live</c>: 200 while the process serves requests (no checks). <c>GET /healthz/ready</c>: 503 until
    /// the knowledge base is loaded. <c>GET /healthz</c>: every check. Anyone sees only the status; the details (paths,
    /// versions, parser messages) need the admin key, as on /admin.
    /// </summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = WriteStatusAsync });
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteStatusAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteStatusAsync });
        return app;
    }

    private static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        var status = new Dictionary<string, object?> { ["status"] = report.Status.ToString() };
        var admin = context.RequestServices.GetRequiredService<IOptions<Maintenance.AdminOptions>>().Value;
        var shown = Maintenance.AdminApiKeyFilter.IsAuthorized(context.Request, admin)
            ? report.Entries
            : new Dictionary<string, HealthReportEntry>();
        foreach (var (name, entry) in shown)
        {
            var details = new Dictionary<string, object?> { ["status"] = entry.Status.ToString() };
            if (entry.Description is not null)
            {
                details["description"] = entry.Description;
            }

            foreach (var (key, value) in entry.Data)
            {
                details[key] = value;
            }

            status[name] = details;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(status, ProtocolJson.Options), context.RequestAborted);
    }
}
