using System.Net;

namespace CcsviBot.Tests.Hosting;

public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_are_served_in_prometheus_format_when_enabled()
    {
        using var channel = new TestChannel();
        await using var host = new BotTestHost(channel, new BotTestHostOptions { Settings = new() { ["Metrics:Enabled"] = "true" } });
        var client = host.CreateClient();

        using var answered = await host.PostActivityAsync(TestChannel.Message("What is CCSVI?"));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        await Task.Delay(400); // the exporter caches a scrape briefly
        var text = await client.GetStringAsync("/metrics");

        Assert.Contains("ccsvibot_turns", text, StringComparison.Ordinal);
        Assert.Contains("kind=\"", text, StringComparison.Ordinal);
        Assert.Contains("ccsvibot_answer_duration", text, StringComparison.Ordinal);
        Assert.Contains("ccsvibot_answer_confidence", text, StringComparison.Ordinal);
        Assert.Contains("ccsvibot_directline_bytes_held", text, StringComparison.Ordinal);
        Assert.Contains("ccsvibot_directline_conversations", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_not_served_by_default()
    {
        using var channel = new TestChannel();
        await using var host = new BotTestHost(channel);

        using var response = await host.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
