using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CcsviBot.Tests.DirectLine;

/// <summary>Microsoft's own Direct Line client (botframework-directlinejs, as Web Chat uses it) against the running bot.</summary>
[Collection(LiveBotCollection.Name)]
public sealed class DirectLineNodeClientTests(LiveBotHost host)
{
    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task Directlinejs_gets_the_welcome_the_echo_and_a_sourced_answer_with_the_disclaimer(string mode)
    {
        var result = await RunClientAsync(mode, "what is ccsvi");

        Assert.Contains("Online", result["statuses"]!.AsArray().Select(status => status!.GetValue<string>()));
        Assert.Equal(result["postedId"]!.GetValue<string>(), result["echo"]!["id"]!.GetValue<string>());
        Assert.Equal(result["userId"]!.GetValue<string>(), result["echo"]!["from"]!["id"]!.GetValue<string>());
        var reply = result["reply"]!;
        Assert.Equal("bot", reply["from"]!["role"]!.GetValue<string>());
        AssertAnswer.IsSourcedAnswerWithDisclaimer(host, "what is ccsvi", reply["text"]!.GetValue<string>());
        AssertAnswer.HasDisclaimer(host, result["welcome"]!["text"]!.GetValue<string>());
    }

    private async Task<JsonObject> RunClientAsync(string mode, string question)
    {
        var script = TestPaths.InRepository(Path.Combine("tests", "node", "directline-client.cjs"));
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.GetDirectoryName(script)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(host.BaseAddress.ToString());
        start.ArgumentList.Add(mode);
        start.ArgumentList.Add(question);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var lastLine = (await output).Trim().Split('\n')[^1];
        Assert.True(process.ExitCode == 0, $"node exited {process.ExitCode}: {lastLine}\n{await errors}");
        return JsonNode.Parse(lastLine)!.AsObject();
    }
}
