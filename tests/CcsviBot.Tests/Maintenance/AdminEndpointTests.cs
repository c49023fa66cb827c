using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CcsviBot.Tests.Maintenance;

public sealed class AdminEndpointTests
{
    [Fact]
    public async Task Admin_endpoints_do_not_exist_without_a_configured_key()
    {
        using var channel = new TestChannel();
        await using var host = new BotTestHost(channel, new BotTestHostOptions { Settings = new() { ["Admin:ApiKey"] = "" } });
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "anything-at-all-here");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/status")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/admin/reload", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/report")).StatusCode);
    }

    [Fact]
    public async Task The_key_is_required_in_the_header_or_as_the_basic_password()
    {
        await using var host = await MaintenanceHost.StartAsync();
        using var anonymous = host.Host.CreateClient();

        foreach (var (path, method) in new[] { ("/admin/status", HttpMethod.Get), ("/admin/reload", HttpMethod.Post), ("/admin/report", HttpMethod.Get) })
        {
            using var none = await anonymous.SendAsync(new HttpRequestMessage(method, path));
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
            Assert.Contains("Basic", none.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

            var wrong = new HttpRequestMessage(method, path);
            wrong.Headers.Add("X-Api-Key", MaintenanceHost.ApiKey + "x");
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(wrong)).StatusCode);
        }

        var basic = new HttpRequestMessage(HttpMethod.Get, "/admin/status");
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("maintainer:" + MaintenanceHost.ApiKey)));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(basic)).StatusCode);

        var garbage = new HttpRequestMessage(HttpMethod.Get, "/admin/status");
        garbage.Headers.TryAddWithoutValidation("Authorization", "Basic %%%not-base64");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(garbage)).StatusCode);
    }

    [Fact]
    public async Task Status_shows_entries_version_and_the_last_reload()
    {
        await using var host = await MaintenanceHost.StartAsync();

        var faq = (await host.StatusAsync()).GetProperty("faq");

        Assert.Equal(host.FaqPath, faq.GetProperty("path").GetString());
        Assert.True(faq.GetProperty("entries").GetInt32() > 20);
        Assert.Equal(1, faq.GetProperty("version").GetInt64());
        Assert.True(faq.GetProperty("lastReload").GetProperty("published").GetBoolean());
        Assert.Equal("Startup", faq.GetProperty("lastReload").GetProperty("trigger").GetString());
    }

    [Fact]
    public async Task A_manual_reload_of_invalid_content_answers_422_with_the_errors()
    {
        await using var host = await MaintenanceHost.StartAsync(new() { ["Maintenance:WatchFaq"] = "false" });
        var file = host.EntryFile("diagnosis");
        await host.ReplaceFileAsync(file, "no front matter here");

        using var response = await host.Admin.PostAsync("/admin/reload", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(result.GetProperty("published").GetBoolean());
        Assert.Equal(1, result.GetProperty("version").GetInt64());
        Assert.Contains(result.GetProperty("errors").EnumerateArray(), e => e.GetProperty("file").GetString() == file && e.GetProperty("line").GetInt32() == 1);
    }

    [Fact]
    public async Task The_report_page_shows_what_visitors_asked_as_inert_text()
    {
        await using var host = await MaintenanceHost.StartAsync();
        // Questions the FAQ has no answer for and that read as ordinary (nonsense around an alarm word, such as "alert",
        // can read as urgent to the recall-first safety screen, and urgent turns are not listed as unanswered).
        await host.AskAsync("<script>qwertyuiop</script> zxcvbnm");
        await host.AskAsync("write to someone@example.org about the weather qwertyuiop");
        await MaintenanceHost.WaitUntilAsync(async () => (await host.StatusAsync()).GetProperty("insights").GetProperty("recorded").GetInt64() >= 2, "turns were not recorded");

        using var response = await host.Admin.GetAsync("/admin/report?since=7d");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Unanswered questions", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("someone@example.org", html, StringComparison.Ordinal);
        Assert.Contains("[email]", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await host.Admin.GetAsync("/admin/report?since=forever")).StatusCode);
    }

    [Fact]
    public async Task A_corrupt_analytics_database_is_reported_while_answers_continue()
    {
        await using var host = await MaintenanceHost.StartAsync(prepare: root => File.WriteAllText(Path.Combine(root, "insights.db"), new string('x', 4096)));

        Assert.Contains("chronic cerebrospinal venous insufficiency", await host.AskAsync("What is CCSVI?"));
        await MaintenanceHost.WaitUntilAsync(async () => (await host.StatusAsync()).GetProperty("insights").GetProperty("faulted").GetBoolean(), "the store fault was not surfaced");
        Assert.Contains("chronic cerebrospinal venous insufficiency", await host.AskAsync("What is CCSVI?"));

        var health = await host.Admin.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        Assert.Equal("Degraded", health.GetProperty("insights").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Admin.GetAsync("/admin/report")).StatusCode);
    }
}
