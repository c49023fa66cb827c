using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace CcsviBot.Tests.Teams;

/// <summary>`ccsvibot teams package`, run as the real command line, and the zip it writes.</summary>
[Collection(NodeChecksCollection.Name)]
public sealed class TeamsPackageCommandTests(NodeChecks node) : IDisposable
{
    private const string AppId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private readonly string folder = Directory.CreateTempSubdirectory("ccsvibot-teams-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Package_holds_a_manifest_valid_against_the_official_schema_and_icons_of_exact_size()
    {
        var zipPath = Path.Combine(folder, "ccsvibot-teams.zip");
        var (exitCode, output) = await RunCliAsync("teams", "package", "--app-id", AppId, "--endpoint-host", "bot.example.org", "--out", zipPath);
        Assert.True(exitCode == 0, output);

        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        Assert.Equal((192, 192, 6), PngHeader(zip.GetEntry("color.png")!));
        Assert.Equal((32, 32, 6), PngHeader(zip.GetEntry("outline.png")!)); // colour type 6 = RGBA

        // Teams wants the outline icon white on transparent: corners see-through, every visible pixel white.
        var outline = RgbaPixels(zip.GetEntry("outline.png")!, 32, 32);
        Assert.Equal(0, outline[0][3]);
        Assert.Contains(outline, p => p[3] == 255);
        Assert.All(outline.Where(p => p[3] > 0), p => Assert.Equal([255, 255, 255], p[..3]));
        var color = RgbaPixels(zip.GetEntry("color.png")!, 192, 192);
        Assert.Equal(255, color[(96 * 192) + 4][3]); // the coloured square fills the icon

        zip.GetEntry("manifest.json")!.ExtractToFile(Path.Combine(folder, "manifest.json"));
        var (schemaExit, schemaOutput) = await node.RunAsync("check-manifest.js", Path.Combine(folder, "manifest.json"));
        Assert.True(schemaExit == 0, schemaOutput);
    }

    [Fact]
    public async Task Manifest_puts_the_bot_in_every_chat_scope_with_help_and_one_initial_run_search_command()
    {
        var manifest = await PackagedManifestAsync("--app-id", AppId.ToUpperInvariant(), "--name", "FAQ helper", "--allow-placeholder-urls");

        Assert.True(Version.Parse((string)manifest["manifestVersion"]!) >= new Version(1, 25));
        Assert.Equal(AppId, (string?)manifest["id"]);
        Assert.Equal("FAQ helper", (string?)manifest["name"]!["short"]);
        var bot = manifest["bots"]!.AsArray().Single()!;
        Assert.Equal(AppId, (string?)bot["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.Contains("help", bot["commandLists"]![0]!["commands"]!.AsArray().Select(c => (string)c!["title"]!));
        var extension = manifest["composeExtensions"]!.AsArray().Single()!;
        var command = extension["commands"]!.AsArray().Single()!;
        Assert.Equal(AppId, (string?)extension["botId"]);
        Assert.Equal("query", (string?)command["type"]);
        Assert.True((bool?)command["initialRun"]);
        Assert.Null(manifest["validDomains"]);
    }

    [Fact]
    public async Task Every_url_in_the_manifest_is_a_page_the_bot_serves_or_the_official_schema()
    {
        var manifest = await PackagedManifestAsync("--app-id", AppId, "--endpoint-host", "bot.example.org");
        var urls = Strings(manifest).Where(text => text.StartsWith("http", StringComparison.Ordinal)).Select(text => new Uri(text)).ToList();

        Assert.Equal("https://bot.example.org/privacy", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.Equal("https://bot.example.org/terms", (string?)manifest["developer"]!["termsOfUseUrl"]);
        await using var bot = new DirectLine.DirectLineTestHost();
        using var client = bot.CreateClient();
        foreach (var url in urls)
        {
            if (url.Host == "bot.example.org")
            {
                using var response = await client.GetAsync(url.PathAndQuery);
                Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{url} answers {(int)response.StatusCode}");
            }
            else
            {
                // The only external link: the official schema of the manifest version, the one check-manifest.js validates against.
                Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{(string)manifest["manifestVersion"]!}/MicrosoftTeams.schema.json", url.ToString());
            }
        }
    }

    [Fact]
    public async Task Without_an_endpoint_host_the_package_is_refused_unless_placeholder_links_are_asked_for()
    {
        var zipPath = Path.Combine(folder, "placeholder.zip");

        var (exitCode, output) = await RunCliAsync("teams", "package", "--app-id", AppId, "--out", zipPath);

        Assert.Equal(2, exitCode);
        Assert.Contains("--endpoint-host is required", output, StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }

    /// <summary>Runs <c>teams package</c> with <paramref name="options"/> and returns the manifest.json it wrote.</summary>
    private async Task<JsonNode> PackagedManifestAsync(params string[] options)
    {
        var zipPath = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".zip");
        var (exitCode, output) = await RunCliAsync(["teams", "package", .. options, "--out", zipPath]);
        Assert.True(exitCode == 0, output);
        using var zip = ZipFile.OpenRead(zipPath);
        using var stream = zip.GetEntry("manifest.json")!.Open();
        return JsonNode.Parse(stream)!;
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject values => values.SelectMany(pair => Strings(pair.Value)),
        JsonArray items => items.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task A_bad_app_id_is_refused_with_a_clear_message_and_no_file_is_written(string appId)
    {
        var zipPath = Path.Combine(folder, "bad.zip");

        var (exitCode, output) = await RunCliAsync("teams", "package", "--app-id", appId, "--out", zipPath);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--app-id", output, StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }

    /// <summary>The pixels of an 8-bit RGBA PNG whose rows use filter 0 (what the package command writes).</summary>
    private static List<byte[]> RgbaPixels(ZipArchiveEntry entry, int width, int height)
    {
        using var file = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(file);
        }

        var png = file.ToArray();
        using var compressed = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            if (png.AsSpan(offset + 4, 4).SequenceEqual("IDAT"u8))
            {
                compressed.Write(png, offset + 8, length);
            }

            offset += 12 + length;
        }

        compressed.Position = 0;
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(raw);
        }

        var bytes = raw.ToArray();
        Assert.Equal(height * ((width * 4) + 1), bytes.Length);
        var pixels = new List<byte[]>();
        for (var y = 0; y < height; y++)
        {
            var row = y * ((width * 4) + 1);
            Assert.Equal(0, bytes[row]);
            for (var x = 0; x < width; x++)
            {
                pixels.Add(bytes[(row + 1 + (x * 4))..(row + 5 + (x * 4))]);
            }
        }

        return pixels;
    }

    /// <summary>Width, height and colour type from the IHDR chunk, which PNG requires to come first.</summary>
    private static (int Width, int Height, byte ColorType) PngHeader(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var head = new byte[8 + 8 + 13];
        stream.ReadExactly(head);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, head[..8]);
        Assert.Equal("IHDR"u8.ToArray(), head[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(20)), head[25]);
    }

    private static async Task<(int ExitCode, string Output)> RunCliAsync(params string[] arguments)
    {
        // The test project builds the CLI (see the csproj) into the same configuration's output folder.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var repository = testOutput.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var cli = Path.Combine(repository, "src", "CcsviBot.Cli", "bin", configuration, testOutput.Name, "ccsvibot.dll");
        Assert.True(File.Exists(cli), $"The CLI is not built at {cli}");

        return await ChildProcess.RunAsync("dotnet", [cli, .. arguments]);
    }
}
