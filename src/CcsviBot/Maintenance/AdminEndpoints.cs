using System.Data.Common;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using CcsviBot.Core.Answering;
using CcsviBot.Insights;
using Markdig;

namespace CcsviBot.Maintenance;

/// <summary><c>GET /admin/status</c>, <c>POST /admin/reload</c> and <c>GET /admin/report</c>, all behind <see cref="AdminApiKeyFilter"/>.</summary>
public static class AdminEndpoints
{
    public const string Prefix = "/admin";

    // Enums as names (severity "Error", trigger "Manual"): these answers are read by people as much as by scripts.
    private static readonly JsonSerializerOptions AdminJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly MarkdownPipeline ReportPipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    public sealed record FaqStatus(string Path, long? Version, string? ContentHash, int Entries, DateTimeOffset? BuiltAt, string? Unavailable, ReloadResult? LastReload, int RetiringSnapshots);

    /// <summary><paramref name="Instances"/>: every instance sharing the Redis store and the FAQ each serves (null: this one runs alone).</summary>
    public sealed record AdminStatus(FaqStatus Faq, InsightsStatus Insights, IReadOnlyList<InstanceStatus>? Instances);

    public static RouteGroupBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup(Prefix).AddEndpointFilter<AdminApiKeyFilter>();
        admin.MapGet("/status", Status);
        admin.MapPost("/reload", ReloadAsync);
        admin.MapGet("/report", ReportAsync);
        return admin;
    }

    private static async Task<IResult> Status(FaqReloader reloader, IKnowledgeBaseProvider knowledgeBases, FaqContentHash contentHash, BackgroundInsightsRecorder recorder, IFleet fleet, CancellationToken cancellationToken)
    {
        KnowledgeBase? current = null;
        string? unavailable = null;
        try
        {
            current = knowledgeBases.Current;
        }
        catch (KnowledgeBaseUnavailableException exception)
        {
            unavailable = exception.Message;
        }

        var faq = new FaqStatus(reloader.FaqPath, current?.Version, contentHash.Current().Hash, current?.Content.Entries.Count ?? 0, current?.BuiltAt, unavailable,
            reloader.LastResult, reloader.RetiringSnapshots);
        var instances = await fleet.ListInstancesAsync(cancellationToken);
        return Results.Json(new AdminStatus(faq, recorder.Status, instances), AdminJson);
    }

    /// <summary>Reloads here, then tells every other instance to (each reports its outcome in /admin/status and its log).</summary>
    private static async Task<IResult> ReloadAsync(FaqReloader reloader, IFleet fleet, CancellationToken cancellationToken)
    {
        var result = await reloader.ReloadAsync(ReloadTrigger.Manual, cancellationToken);
        if (result.Published)
        {
            await fleet.AnnounceReloadAsync(cancellationToken);
        }

        return Results.Json(result, AdminJson, statusCode: result.Published ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> ReportAsync(string? since, IInsightsStore store, IKnowledgeBaseProvider knowledgeBases, TimeProvider time, CancellationToken cancellationToken)
    {
        var period = ReportPeriod.Default;
        if (since is not null && !ReportPeriod.TryParse(since, out period))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"since: expected {ReportPeriod.Format}");
        }

        var now = time.GetUtcNow();
        InsightsData data;
        try
        {
            data = await store.ReadSinceAsync(now - period, cancellationToken);
        }
        catch (DbException exception)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The analytics store cannot be read.", detail: exception.Message);
        }

        var report = InsightsReportBuilder.Build(data, CurrentContent(knowledgeBases), now - period, now);
        var html = Markdown.ToHtml(InsightsReportFormatter.ToMarkdown(report), ReportPipeline);
        return new ReportPage(html);
    }

    private static Core.Faq.FaqContent? CurrentContent(IKnowledgeBaseProvider knowledgeBases)
    {
        try
        {
            return knowledgeBases.Current.Content;
        }
        catch (KnowledgeBaseUnavailableException)
        {
            return null;
        }
    }

    /// <summary>A read-only page: no scripts, no outside resources, never cached, never framed.</summary>
    private sealed class ReportPage(string body) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync($$"""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>{{WebUtility.HtmlEncode("CcsviBot FAQ report")}}</title>
                <style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
                table{border-collapse:collapse;width:100%;margin-bottom:1rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
                th{background:#f3f3f3}code{background:#f6f6f6;padding:0 .2rem}</style></head>
                <body>{{body}}</body></html>
                """, context.RequestAborted);
        }
    }
}
