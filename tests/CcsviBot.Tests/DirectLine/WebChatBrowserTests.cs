using Microsoft.Playwright;

namespace CcsviBot.Tests.DirectLine;

/// <summary>The visitor's page in a real browser (Debian's Chromium, headless), Web Chat talking to the live bot.</summary>
[Collection(LiveBotCollection.Name)]
public sealed class WebChatBrowserTests(LiveBotHost host)
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private const float Patience = 20_000;

    [ChromiumFact]
    public async Task A_visitor_sees_the_welcome_asks_follows_a_suggestion_and_gives_feedback()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 1600 } });
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        var expected = AssertAnswer.Expect(host, "what is ccsvi");

        try
        {
            await page.GotoAsync(host.BaseAddress.ToString());
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("CcsviBot");
            await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("General information, not medical advice");

            var botMessages = page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)");
            await Assertions.Expect(botMessages.First).ToContainTextAsync(expected.DisclaimerOpening, new() { Timeout = Patience });
            Assert.Equal(0, await page.Locator("button[title='Upload file'], .webchat__upload-button").CountAsync());

            await Ask(page, "what is ccsvi");
            await Assertions.Expect(botMessages).ToHaveCountAsync(2, new() { Timeout = Patience });
            var answer = botMessages.Nth(1);
            await Assertions.Expect(answer).ToContainTextAsync(expected.AnswerOpening);
            await Assertions.Expect(answer).ToContainTextAsync(expected.DisclaimerOpening);
            await Assertions.Expect(answer.Locator($"a[href='{expected.SourceUrl}']").First).ToBeAttachedAsync();

            // The echo carried the page's clientActivityID: one bubble for the question, marked sent, not "Sending…".
            await Assertions.Expect(page.Locator(".webchat__bubble--from-user")).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByText("Sending")).ToHaveCountAsync(0);

            var suggestion = page.Locator(".webchat__suggested-action").Filter(new() { HasNotTextRegex = new("helpful", System.Text.RegularExpressions.RegexOptions.IgnoreCase) }).First;
            var suggestedQuestion = (await suggestion.InnerTextAsync()).Trim();
            var followUp = AssertAnswer.Expect(host, suggestedQuestion);
            await suggestion.ClickAsync();
            await Assertions.Expect(botMessages).ToHaveCountAsync(3, new() { Timeout = Patience });
            await Assertions.Expect(botMessages.Nth(2)).ToContainTextAsync(followUp.AnswerOpening);
            await Assertions.Expect(botMessages.Nth(2)).ToContainTextAsync(followUp.DisclaimerOpening);

            await page.Locator(".webchat__suggested-action", new() { HasTextRegex = new("^\\s*Helpful\\s*$") }).ClickAsync();
            await Assertions.Expect(botMessages).ToHaveCountAsync(4, new() { Timeout = Patience });
            await Assertions.Expect(botMessages.Nth(3)).ToContainTextAsync(CcsviBot.Turns.TurnHandler.FeedbackThanks);
            await Assertions.Expect(page.Locator(".webchat__activity-status--send-failed, .webchat__activity-status__send-failed")).ToHaveCountAsync(0);

            Assert.DoesNotContain(consoleErrors, error => error.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            await page.ScreenshotAsync(new() { Path = TestPaths.Artifact("webchat-final.png"), FullPage = true });
        }
    }

    [ChromiumFact]
    public async Task The_embed_snippet_opens_the_chat_in_a_panel_on_a_host_page()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 900 } });
        var expected = AssertAnswer.Expect(host, "what is ccsvi");

        await page.GotoAsync(new Uri(host.BaseAddress, "embed").ToString());
        await page.Locator("#ccsvibot-launcher").ClickAsync();
        var chat = page.FrameLocator("#ccsvibot-panel iframe");
        var botMessages = chat.Locator(".webchat__bubble:not(.webchat__bubble--from-user)");
        await Assertions.Expect(botMessages.First).ToContainTextAsync(expected.DisclaimerOpening, new() { Timeout = Patience });
        await Assertions.Expect(chat.Locator(".notice")).ToContainTextAsync("not medical advice");

        var input = chat.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync("what is ccsvi");
        await input.PressAsync("Enter");
        await Assertions.Expect(botMessages).ToHaveCountAsync(2, new() { Timeout = Patience });
        await Assertions.Expect(botMessages.Nth(1)).ToContainTextAsync(expected.AnswerOpening);

        await page.ScreenshotAsync(new() { Path = TestPaths.Artifact("webchat-embed.png") });
    }

    private static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumFactAttribute.ChromiumPath, Headless = true, Args = ChromiumArgs });

    private static async Task Ask(IPage page, string question)
    {
        var input = page.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(question);
        await input.PressAsync("Enter");
    }
}
