using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using CcsviBot.Testing;
using CcsviBot.Tests.DirectLine;

namespace CcsviBot.Tests.Hosting;

/// <summary>
/// <c>dotnet publish</c> output is a deployable app: run from an unrelated folder with its settings from its own
/// appsettings.json and environment variables, and the FAQ from an absolute <c>Faq__Path</c>, it answers.
/// </summary>
[Collection(nameof(PublishedAppCollection))]
public sealed class PublishedAppTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task The_published_app_runs_from_another_folder_with_environment_settings_and_answers_a_question()
    {
        var root = Path.Combine(Path.GetTempPath(), "ccsvibot-published-" + Guid.NewGuid().ToString("N"));
        var output = Path.Combine(root, "out");
        var elsewhere = Path.Combine(root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        try
        {
            // --no-build: the test run has just built this very project; publishing only copies it.
            await RunAsync("dotnet", ["publish", TestPaths.InRepository("src/CcsviBot"), "-c", Configuration, "-o", output, "--no-build", "--nologo"], TestPaths.InRepository("src"));
            Assert.True(File.Exists(Path.Combine(output, "appsettings.json")), "publish did not put appsettings.json next to the app");

            var port = FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(output, "CcsviBot.dll") },
                WorkingDirectory = elsewhere,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["Faq__Path"] = TestPaths.InRepository("faq");
            start.Environment["Urls"] = $"http://127.0.0.1:{port}";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            // The meaning model runs as deployed (its native ONNX Runtime must be published too), with the phrasing
            // vectors the repository's tests share, so only the first run on a machine embeds every phrasing.
            start.Environment["Meaning__VectorFolder"] = RepositoryPaths.Vectors;
            start.Environment.Remove("Redis__ConnectionString");
            var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
            using var bot = Process.Start(start)!;
            bot.OutputDataReceived += (_, line) => log.Enqueue(line.Data ?? "");
            bot.ErrorDataReceived += (_, line) => log.Enqueue(line.Data ?? "");
            bot.BeginOutputReadLine();
            bot.BeginErrorReadLine();
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                await WaitUntilReadyAsync(client, bot, log);
                var reply = await AskThroughDirectLineAsync(client, "What is CCSVI?");
                Assert.Contains("CCSVI", reply, StringComparison.OrdinalIgnoreCase);
                await WaitForLogAsync(bot, log, "second opinion from meaning ready");

                // The relative analytics path of out/appsettings.json resolved against out/, not the working folder.
                Assert.True(File.Exists(Path.Combine(output, "data", "insights.db")), string.Join('\n', log));
                Assert.False(Directory.Exists(Path.Combine(elsewhere, "data")));
            }
            finally
            {
                bot.Kill(entireProcessTree: true);
                await bot.WaitForExitAsync();
            }
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<string> AskThroughDirectLineAsync(HttpClient client, string question)
    {
        using var page = await client.PostAsync("/api/directline/token", null);
        var token = (await page.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await client.PostAsync("/v3/directline/conversations", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var conversation = (await started.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]!.GetValue<string>();
        using var posted = await client.PostAsJsonAsync($"/v3/directline/conversations/{conversation}/activities",
            new { type = "message", from = new { id = "visitor" }, text = question });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var activities = (await client.GetFromJsonAsync<JsonObject>($"/v3/directline/conversations/{conversation}/activities"))!["activities"]!.AsArray();
        return activities.Where(activity => activity!["replyToId"]?.GetValue<string>() == id).Select(activity => activity!["text"]?.GetValue<string>()).FirstOrDefault()
            ?? throw new InvalidOperationException("no reply to the question");
    }

    private static async Task WaitForLogAsync(Process bot, System.Collections.Concurrent.ConcurrentQueue<string> log, string line)
    {
        // Bounds a broken model (it logs "failed" instead); the first run on a machine embeds every phrasing.
        var deadline = DateTime.UtcNow.AddSeconds(240);
        while (!log.Any(l => l.Contains(line, StringComparison.Ordinal)))
        {
            Assert.False(bot.HasExited, "the published app exited:\n" + string.Join('\n', log));
            Assert.False(log.Any(l => l.Contains("meaning model failed", StringComparison.Ordinal)), string.Join('\n', log));
            Assert.True(DateTime.UtcNow < deadline, $"the published app never logged \"{line}\":\n" + string.Join('\n', log));
            await Task.Delay(200);
        }
    }

    private static async Task WaitUntilReadyAsync(HttpClient client, Process bot, System.Collections.Concurrent.ConcurrentQueue<string> log)
    {
        // Bounds a broken start (the FAQ index is built at start-up); it does not measure speed.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            Assert.False(bot.HasExited, "the published app exited:\n" + string.Join('\n', log));
            try
            {
                using var ready = await client.GetAsync("/healthz/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, "the published app never became ready:\n" + string.Join('\n', log));
            await Task.Delay(200);
        }
    }

    private static async Task RunAsync(string fileName, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{fileName} {string.Join(' ', arguments)} failed:\n{await stdout}\n{await stderr}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
