using System.Net;
using CcsviBot.Core.Configuration;
using CcsviBot.Core.Faq;

namespace CcsviBot.Tests.BotConnector;

/// <summary>The host as <c>dotnet run</c> starts it: the repository's faq/ and appsettings.json, loaded in the background.</summary>
public sealed class RepositoryFaqTests
{
    [Fact]
    public async Task A_question_is_answered_from_the_repository_FAQ_with_its_sources_and_disclaimer()
    {
        var faq = FaqLoader.Load(Path.Combine(SettingsLocator.FindForCurrentProcess()!, "faq")).Content!;
        using var channel = new TestChannel();
        await using var host = new BotTestHost(channel, new BotTestHostOptions { KnowledgeBase = null });
        await WaitUntilHealthyAsync(host);
        var message = TestChannel.Message("What is CCSVI?");

        using var response = await host.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await channel.ReplyToAsync(message.Id!);
        var entry = faq.Find("what-is-ccsvi")!;
        Assert.Contains(entry.Answer.Trim(), reply.Activity.Text);
        Assert.Contains($"]({entry.Sources.First(source => source.Url is not null).Url})", reply.Activity.Text);
        Assert.Contains(faq.Disclaimer.Split('\n')[0].Trim(), reply.Activity.Text);
    }

    private static async Task WaitUntilHealthyAsync(BotTestHost host)
    {
        using var client = host.CreateClient();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var health = await client.GetAsync("/healthz");
            if (health.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The repository FAQ did not load.");
    }
}
