using System.Net;
using System.Text.Json;
using CcsviBot.Tests.Maintenance;

namespace CcsviBot.Tests.Scaling;

/// <summary>One FAQ version everywhere: a reload asked of one instance reaches every instance sharing the Redis.</summary>
public sealed class RedisFleetTests
{
    [RedisFact]
    public async Task An_admin_reload_on_A_reloads_B_and_the_status_lists_both_instances_with_the_same_content_hash()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Redis:ConnectionString"] = RedisFactAttribute.ConnectionString,
            ["Redis:KeyPrefix"] = RedisInstances.NewPrefix(),
            ["Redis:HeartbeatInterval"] = "00:00:01",
            ["DirectLine:TokenSigningKey"] = RedisInstances.SigningKey,
            // Only the reload request may make B reload: no file watching.
            ["Maintenance:WatchFaq"] = "false",
        };
        await using var a = await MaintenanceHost.StartAsync(settings);
        await using var b = await MaintenanceHost.StartAsync(settings);
        var before = (await b.StatusAsync()).GetProperty("faq").GetProperty("contentHash").GetString();

        // The same edit in both instances' copies of the FAQ, as a deployment of new content would make.
        foreach (var host in new[] { a, b })
        {
            var entry = host.EntryFile("what-is-ccsvi");
            await host.ReplaceFileAsync(entry, (await File.ReadAllTextAsync(entry)) + "\nEdited for the fleet test.\n");
        }

        using (var reload = await a.Admin.PostAsync("/admin/reload", null))
        {
            Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        }

        await b.WaitForVersionAsync(2);
        var hashOnA = (await a.StatusAsync()).GetProperty("faq").GetProperty("contentHash").GetString();
        Assert.NotEqual(before, hashOnA);
        Assert.Equal(hashOnA, (await b.StatusAsync()).GetProperty("faq").GetProperty("contentHash").GetString());
        Assert.Equal("Peer", (await b.StatusAsync()).GetProperty("faq").GetProperty("lastReload").GetProperty("trigger").GetString());

        await MaintenanceHost.WaitUntilAsync(async () =>
        {
            var instances = (await b.StatusAsync()).GetProperty("instances");
            return instances.GetArrayLength() == 2
                && instances.EnumerateArray().All(instance => instance.GetProperty("faqContentHash").GetString() == hashOnA);
        }, "B's status does not list both instances serving the new content");
    }
}
