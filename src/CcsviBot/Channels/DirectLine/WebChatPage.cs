using CcsviBot.Core.Answering;
using System.Collections.Frozen;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CcsviBot.Insights;
using Markdig;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CcsviBot.Channels.DirectLine;

/// <summary>
/// The visitor's page (<c>GET /</c>), the site owner's embed instructions (<c>GET /embed</c>), the privacy and terms
/// pages (<c>GET /privacy</c>, <c>GET /terms</c>, from faq/privacy.md and faq/terms.md) and their scripts.
/// Everything, Web Chat's own bundle included, is embedded in this assembly: the page needs no CDN and no web root.
/// </summary>
internal sealed class WebChatPage
{
    private const string ResourcePrefix = "CcsviBot.WebChat.";

    // Web Chat styles itself with inline style elements; everything else comes from this server only.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; "
        + "connect-src 'self' ws: wss:; media-src 'self' data: blob:; font-src 'self' data:; object-src 'none'; base-uri 'self'";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".md"] = "text/markdown; charset=utf-8",
    }.ToFrozenDictionary();

    // The pages' Markdown is the maintainers' own, but raw HTML in it is still shown as text, never run.
    private static readonly MarkdownPipeline DocumentMarkdown = new MarkdownPipelineBuilder().DisableHtml().Build();

    private readonly FrozenDictionary<string, Asset> _assets;
    private readonly DirectLineOptions _options;
    private readonly InsightsOptions _insights;

    public WebChatPage(IOptions<DirectLineOptions> options, IOptions<InsightsOptions> insights)
    {
        _options = options.Value;
        _insights = insights.Value;
        var assembly = typeof(WebChatPage).Assembly;
        _assets = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToFrozenDictionary(name => name[ResourcePrefix.Length..], name => Asset.Load(assembly, name), StringComparer.Ordinal);
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        // The notice names the same emergency numbers as the bot's safety replies: faq/safety.yaml's, as now published.
        app.MapGet("/", (HttpContext context, WebChatPage page, IKnowledgeBaseProvider knowledge) => page.Html(context, "index.html", new Dictionary<string, string>
        {
            ["{{EMERGENCY_NUMBERS}}"] = EmergencyNumbers(knowledge) is { } numbers ? $" ({HtmlEncoder.Default.Encode(numbers)})" : string.Empty,
        }));
        app.MapGet("/embed", (HttpContext context, WebChatPage page) => page.Html(context, "embed.html", page.EmbedSnippets(context.Request)));
        app.MapGet("/embed.js", (HttpContext context, WebChatPage page) => page.File(context, "embed.js"));
        app.MapGet("/privacy", (HttpContext context, WebChatPage page) => page.Html(context, "document.html", page.Document("privacy.md")));
        app.MapGet("/terms", (HttpContext context, WebChatPage page) => page.Html(context, "document.html", page.Document("terms.md")));
        app.MapGet("/webchat/{file:regex(^(webchat|chat|copy)\\.(js|css)$)}", (string file, HttpContext context, WebChatPage page) => page.File(context, file));
    }

    /// <summary>The published FAQ's emergency numbers; none while no FAQ could be loaded (the page still serves).</summary>
    private static string? EmergencyNumbers(IKnowledgeBaseProvider knowledge)
    {
        try
        {
            return knowledge.Current.Content.Safety.EmergencyNumbers;
        }
        catch (KnowledgeBaseUnavailableException)
        {
            return null;
        }
    }

    /// <summary>A script or style sheet, gzipped when the browser accepts it (Web Chat's bundle shrinks from 3.9 MB to about 1 MB).</summary>
    private IResult File(HttpContext context, string name)
    {
        if (!_assets.TryGetValue(name, out var asset))
        {
            return Results.NotFound();
        }

        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        var acceptsGzip = context.Request.Headers.AcceptEncoding.Any(value => value?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true);
        if (!acceptsGzip)
        {
            return Results.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag);
        }

        context.Response.Headers.ContentEncoding = "gzip";
        return Results.Bytes(asset.Gzipped.Value, asset.ContentType, entityTag: asset.GzippedETag);
    }

    private IResult Html(HttpContext context, string name, IReadOnlyDictionary<string, string> rawValues)
    {
        var html = new StringBuilder(Encoding.UTF8.GetString(_assets[name].Content))
            .Replace("{{BOT_NAME}}", HtmlEncoder.Default.Encode(_options.BotName))
            .Replace("{{BOT_INITIALS}}", HtmlEncoder.Default.Encode(_options.BotAvatarInitials));
        foreach (var (placeholder, value) in rawValues)
        {
            html.Replace(placeholder, value);
        }

        context.Response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    /// <summary>A Markdown page as HTML: its first heading is the title; the retention period is this server's setting.</summary>
    private Dictionary<string, string> Document(string name)
    {
        var markdown = Encoding.UTF8.GetString(_assets[name].Content)
            .Replace("{{RETENTION_DAYS}}", _insights.RetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var title = markdown.Split('\n').First(line => line.StartsWith("# ", StringComparison.Ordinal))[2..].Trim();
        return new()
        {
            ["{{TITLE}}"] = HtmlEncoder.Default.Encode(title),
            ["{{BODY}}"] = Markdown.ToHtml(markdown, DocumentMarkdown),
        };
    }

    /// <summary>The snippets with this server's own address filled in, HTML-encoded for display, plus a live iframe.</summary>
    private Dictionary<string, string> EmbedSnippets(HttpRequest request)
    {
        var botUrl = $"{request.Scheme}://{request.Host}{request.PathBase}/";
        var title = $"{_options.BotName} chat";
        var script = $"<script src=\"{botUrl}embed.js\" defer></script>";
        var iframe = $"<iframe src=\"{botUrl}?embedded=1\" title=\"{title}\" style=\"width:100%;max-width:420px;height:560px;border:1px solid #d0d7de;border-radius:10px\"></iframe>";
        return new()
        {
            ["{{SCRIPT_SNIPPET}}"] = HtmlEncoder.Default.Encode(script),
            ["{{IFRAME_SNIPPET}}"] = HtmlEncoder.Default.Encode(iframe),
            ["{{IFRAME_DEMO}}"] = $"<iframe src=\"./?embedded=1\" title=\"{HtmlEncoder.Default.Encode(title)}\" loading=\"lazy\"></iframe>",
        };
    }

    private sealed record Asset(byte[] Content, string ContentType, EntityTagHeaderValue ETag)
    {
        // Compressed on first use, once: a few hundred milliseconds for Web Chat's bundle, instead of on every request.
        public Lazy<byte[]> Gzipped { get; } = new(() => Gzip(Content));

        public EntityTagHeaderValue GzippedETag { get; } = new(ETag.Tag.Value!.Insert(ETag.Tag.Length - 1, "-gzip"));

        public static Asset Load(System.Reflection.Assembly assembly, string resourceName)
        {
            using var stream = assembly.GetManifestResourceStream(resourceName)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
            return new(content, ContentTypes[Path.GetExtension(resourceName)], etag);
        }

        private static byte[] Gzip(byte[] content)
        {
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
            {
                gzip.Write(content);
            }

            return compressed.ToArray();
        }
    }
}
