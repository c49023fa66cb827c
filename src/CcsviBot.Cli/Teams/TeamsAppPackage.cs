using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CcsviBot.Cli.Teams;

/// <summary>
/// Builds the zip a Teams administrator uploads: manifest.json (schema 1.25: the bot in personal, team and group-chat
/// scopes with its commands, and one search command with initialRun) plus the colour and outline icons.
/// </summary>
internal static class TeamsAppPackage
{
    public const string ManifestVersion = "1.25";
    public const string SearchCommandId = "searchFaq";
    public const string ManifestFile = "manifest.json";
    public const string ColorIconFile = "color.png";
    public const string OutlineIconFile = "outline.png";

    private static readonly (byte R, byte G, byte B) Accent = (0x2B, 0x5C, 0x9E);

    private static readonly string[] BotScopes = ["personal", "team", "groupChat"];

    // Shown in Teams' command menu; each title is sent to the bot as the message text, so they are questions it answers.
    private static readonly (string Title, string Description)[] BotCommands =
    [
        ("help", "What I can do and how to ask"),
        ("What is CCSVI?", "The theory in short, with sources"),
        ("Does CCSVI cause MS?", "What the research found"),
        ("Is the vein procedure safe?", "Risks of venous angioplasty"),
    ];

    public static void Write(TeamsAppPackageSettings settings, Stream destination)
    {
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, ManifestFile, JsonSerializer.SerializeToUtf8Bytes(Manifest(settings), new JsonSerializerOptions { WriteIndented = true }));
        var initials = TeamsIcons.Initials(settings.Name);
        Add(zip, ColorIconFile, TeamsIcons.Color(initials, Accent));
        Add(zip, OutlineIconFile, TeamsIcons.Outline(initials));
    }

    public static JsonObject Manifest(TeamsAppPackageSettings settings)
    {
        var appId = settings.AppId.ToString("D");
        var name = settings.Name.Trim();
        var site = settings.EndpointHost is null ? TeamsAppPackageSettings.PlaceholderSite : $"https://{settings.EndpointHost}";
        var manifest = new JsonObject
        {
            ["$schema"] = $"https://developer.microsoft.com/json-schemas/teams/v{ManifestVersion}/MicrosoftTeams.schema.json",
            ["manifestVersion"] = ManifestVersion,
            ["version"] = settings.Version,
            ["id"] = appId,
            ["developer"] = new JsonObject
            {
                ["name"] = "CcsviBot maintainers",
                ["websiteUrl"] = site,
                ["privacyUrl"] = $"{site}/privacy",
                ["termsOfUseUrl"] = $"{site}/terms",
            },
            ["name"] = new JsonObject { ["short"] = name, ["full"] = $"{name}: CCSVI questions answered with sources" },
            ["description"] = new JsonObject
            {
                ["short"] = "Answers questions about CCSVI from a curated FAQ, with sources.",
                ["full"] = "Ask about CCSVI (chronic cerebrospinal venous insufficiency), the disputed theory that narrowed "
                    + "neck and spine veins cause multiple sclerosis. Every answer is a reviewed FAQ passage with its published "
                    + "sources and a medical disclaimer; the bot never gives personal medical advice and says plainly when it "
                    + "has no good answer. Support staff can search the FAQ from the message box and insert a ready answer card.",
            },
            ["icons"] = new JsonObject { ["color"] = ColorIconFile, ["outline"] = OutlineIconFile },
            ["accentColor"] = string.Create(CultureInfo.InvariantCulture, $"#{Accent.R:X2}{Accent.G:X2}{Accent.B:X2}"),
            ["bots"] = new JsonArray
            {
                new JsonObject
                {
                    ["botId"] = appId,
                    ["scopes"] = new JsonArray([.. BotScopes.Select(s => JsonValue.Create(s))]),
                    ["isNotificationOnly"] = false,
                    ["supportsFiles"] = false,
                    ["commandLists"] = new JsonArray
                    {
                        new JsonObject
                        {
                            ["scopes"] = new JsonArray([.. BotScopes.Select(s => JsonValue.Create(s))]),
                            ["commands"] = new JsonArray([.. BotCommands.Select(c => new JsonObject { ["title"] = c.Title, ["description"] = c.Description })]),
                        },
                    },
                },
            },
            ["composeExtensions"] = new JsonArray
            {
                new JsonObject
                {
                    ["botId"] = appId,
                    ["commands"] = new JsonArray
                    {
                        new JsonObject
                        {
                            ["id"] = SearchCommandId,
                            ["type"] = "query",
                            ["title"] = "Search CCSVI FAQ",
                            ["description"] = "Find a reviewed answer with sources to insert into the conversation",
                            ["initialRun"] = true,
                            ["context"] = new JsonArray("compose", "commandBox"),
                            ["parameters"] = new JsonArray
                            {
                                new JsonObject
                                {
                                    ["name"] = "query",
                                    ["title"] = "Question or keywords",
                                    ["description"] = "For example: liberation procedure risks",
                                    ["inputType"] = "text",
                                },
                            },
                        },
                    },
                },
            },
        };
        if (settings.EndpointHost is not null)
        {
            manifest["validDomains"] = new JsonArray(settings.EndpointHost);
        }

        return manifest;
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        // A fixed timestamp keeps the package byte-identical for identical settings.
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        stream.Write(content);
    }
}
