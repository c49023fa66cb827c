using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CcsviBot.Tests.Maintenance;

public sealed class HotReloadTests
{
    private const string Question = "What is CCSVI?";
    private const string KnownPhrase = "CCSVI stands for chronic cerebrospinal venous insufficiency";

    [Fact]
    public async Task An_edit_is_published_without_a_restart()
    {
        await using var host = await MaintenanceHost.StartAsync();
        Assert.Contains(KnownPhrase, await host.AskAsync(Question));

        var file = host.EntryFile("what-is-ccsvi");
        await host.ReplaceFileAsync(file, (await File.ReadAllTextAsync(file)).Replace(KnownPhrase, "CCSVI is short for chronic cerebrospinal venous insufficiency", StringComparison.Ordinal));
        await host.WaitForVersionAsync(2);

        var reply = await host.AskAsync(Question);
        Assert.Contains("CCSVI is short for chronic cerebrospinal venous insufficiency", reply);
        Assert.DoesNotContain(KnownPhrase, reply);
    }

    [Fact]
    public async Task A_broken_entry_keeps_the_last_good_version_reports_file_and_line_and_recovers_when_fixed()
    {
        await using var host = await MaintenanceHost.StartAsync();
        var file = host.EntryFile("what-is-ccsvi");
        var good = await File.ReadAllTextAsync(file);

        await host.ReplaceFileAsync(file, good.Replace("question: What is CCSVI?", "question: [unclosed", StringComparison.Ordinal));
        await host.WaitForRejectionAsync();

        Assert.Contains(KnownPhrase, await host.AskAsync(Question));
        var status = await host.StatusAsync();
        Assert.Equal(1, status.GetProperty("faq").GetProperty("version").GetInt64());
        var errors = status.GetProperty("faq").GetProperty("lastReload").GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, error => error.GetProperty("file").GetString() == file && error.GetProperty("line").GetInt32() > 1);

        using (var health = await host.Admin.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            var body = await health.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Degraded", body.GetProperty("status").GetString());
            Assert.Contains(body.GetProperty("faq-reload").GetProperty("errors").EnumerateArray(), error => error.GetString()!.StartsWith($"{file}:", StringComparison.Ordinal));
        }

        await host.ReplaceFileAsync(file, good);
        await host.WaitForVersionAsync(2);
        using (var client = host.Host.CreateClient())
        {
            var body = await client.GetFromJsonAsync<JsonElement>("/healthz");
            Assert.Equal("Healthy", body.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task A_deleted_and_restored_file_never_interrupts_answers()
    {
        await using var host = await MaintenanceHost.StartAsync();
        var file = host.EntryFile("what-is-ccsvi");
        var kept = Path.Combine(host.Root, "what-is-ccsvi.md.bak");

        File.Move(file, kept);
        // Other entries list it as related, so the FAQ without it is invalid and version 1 stays.
        await host.WaitForRejectionAsync();
        Assert.Contains(KnownPhrase, await host.AskAsync(Question));

        File.Move(kept, file);
        await host.WaitForVersionAsync(2);
        Assert.Contains(KnownPhrase, await host.AskAsync(Question));
    }

    [Fact]
    public async Task Reloads_during_a_burst_of_concurrent_questions_fail_no_request()
    {
        await using var host = await MaintenanceHost.StartAsync();
        var questions = Enumerable.Range(0, 120).Select(i => host.AskAsync(i % 2 == 0 ? Question : "Is CCSVI treatment safe?")).ToList();
        var reloads = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var reload = await host.Admin.PostAsync("/admin/reload", null);
            reloads.Add(reload.StatusCode);
        }

        var replies = await Task.WhenAll(questions);

        Assert.All(reloads, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(5, await host.ServingVersionAsync());
        Assert.All(replies.Where((_, i) => i % 2 == 0), reply => Assert.Contains(KnownPhrase, reply));
        Assert.All(replies, reply => Assert.DoesNotContain("went wrong", reply, StringComparison.OrdinalIgnoreCase));
    }
}
