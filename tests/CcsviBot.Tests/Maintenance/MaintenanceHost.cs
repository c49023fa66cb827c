using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CcsviBot.Core.Configuration;
using Microsoft.Data.Sqlite;

namespace CcsviBot.Tests.Maintenance;

/// <summary>
/// A bot serving a private copy of the repository's faq/, with its own analytics store, an admin key and quick
/// reload timings, so that tests can edit, break, delete and restore content while the bot runs.
/// </summary>
public sealed class MaintenanceHost : IAsyncDisposable
{
    public const string ApiKey = "test-admin-key-0123456789";

    private MaintenanceHost(string root, Dictionary<string, string?> extraSettings)
    {
        Root = root;
        CopyFolder(Path.Combine(SettingsLocator.FindForCurrentProcess()!, "faq"), FaqPath);
        var settings = new Dictionary<string, string?>
        {
            ["Faq:Path"] = FaqPath,
            ["Insights:ConnectionString"] = $"Data Source={Path.Combine(root, "insights.db")}",
            ["Admin:ApiKey"] = ApiKey,
            ["Maintenance:DebounceMilliseconds"] = "50",
            ["Maintenance:PollSeconds"] = "1",
            ["Maintenance:RetireAfterSeconds"] = "1",
        };
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        Host = new BotTestHost(Channel, new BotTestHostOptions { KnowledgeBase = null, Settings = settings });
        Admin = Host.CreateClient();
        Admin.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public string Root { get; }

    public string FaqPath => Path.Combine(Root, "faq");

    public TestChannel Channel { get; } = new();

    public BotTestHost Host { get; }

    /// <summary>A client that sends the admin key.</summary>
    public HttpClient Admin { get; }

    public string EntryFile(string id) => Path.Combine(FaqPath, "entries", id + ".md");

    /// <summary>
    /// Replaces a file in one step, as editors and git do, so that the bot never sees it half-written (a truncated file
    /// would be a different, earlier invalid edit than the one a test makes).
    /// </summary>
    public async Task ReplaceFileAsync(string path, string content)
    {
        var staged = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(staged, content);
        File.Move(staged, path, overwrite: true);
    }

    public static async Task<MaintenanceHost> StartAsync(Dictionary<string, string?>? settings = null, Action<string>? prepare = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "ccsvibot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        prepare?.Invoke(root);
        var host = new MaintenanceHost(root, settings ?? []);
        await host.WaitForVersionAsync(1);
        return host;
    }

    public async Task<JsonElement> StatusAsync()
    {
        using var response = await Admin.GetAsync("/admin/status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    public async Task<long> ServingVersionAsync() =>
        (await StatusAsync()).GetProperty("faq").GetProperty("version") is { ValueKind: JsonValueKind.Number } version ? version.GetInt64() : 0;

    public Task WaitForVersionAsync(long version) =>
        WaitUntilAsync(async () => await ServingVersionAsync() >= version, $"version {version} was not published");

    /// <summary>Waits until the last reload attempt is a rejection (an invalid edit noticed and refused).</summary>
    public Task WaitForRejectionAsync() =>
        WaitUntilAsync(async () => (await StatusAsync()).GetProperty("faq").GetProperty("lastReload") is { ValueKind: JsonValueKind.Object } last
            && !last.GetProperty("published").GetBoolean(), "the invalid edit was not noticed");

    /// <summary>Asks through /api/messages like a channel does; returns the reply text.</summary>
    public async Task<string> AskAsync(string question)
    {
        var message = TestChannel.Message(question);
        using var response = await Host.PostActivityAsync(message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Channel.ReplyToAsync(message.Id!)).Activity.Text ?? "";
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        // Generous: file events and polling on a busy CI machine; this bounds a hang, it does not measure speed.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail(failure);
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Host.DisposeAsync();
        Channel.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
