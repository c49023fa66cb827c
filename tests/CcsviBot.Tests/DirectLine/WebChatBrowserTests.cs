using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CcsviBot.Tests.DirectLine;

/// <summary>The visitor's page in a real browser (Debian's Chromium, headless), Web Chat talking to the live bot.</summary>
[Collection(LiveBotCollection.Name)]
public sealed class WebChatBrowserTests(LiveBotHost host, ITestOutputHelper output)
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
            await ScreenshotAsync(page, "webchat-final.png", fullPage: true);
        }
    }

    [ChromiumFact]
    public async Task The_embed_snippet_opens_the_chat_in_a_panel_on_a_host_page()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1000, Height = 900 } });
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        var expected = AssertAnswer.Expect(host, "what is ccsvi");

        await page.GotoAsync(new Uri(host.BaseAddress, "embed").ToString());
        // Each snippet fits its box (no text past the right edge) and its Copy button puts it on the clipboard.
        foreach (var snippet in new[] { "snippet-script", "snippet-iframe" })
        {
            var box = page.Locator($"pre:has(#{snippet})");
            Assert.True(await box.EvaluateAsync<bool>("pre => pre.scrollWidth <= pre.clientWidth"), $"{snippet} runs off the right edge of its box");
            await page.Locator($"button[data-copy='{snippet}']").ClickAsync();
            await Assertions.Expect(page.Locator($"button[data-copy='{snippet}']")).ToHaveTextAsync("Copied");
            Assert.Equal(await page.Locator($"#{snippet}").TextContentAsync(), await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        }

        await ScreenshotAsync(page, "embed-snippets.png");
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

        // The panel is small: the answer must still open at its first line.
        var top = (await SettledBoxAsync(botMessages.Nth(1))).Y;
        var view = (await chat.Locator(".webchat__basic-transcript__scrollable").BoundingBoxAsync())!;
        await ScreenshotAsync(page, "webchat-embed.png");
        Assert.InRange(top, view.Y, view.Y + view.Height - 40);
    }

    [ChromiumFact]
    public Task A_long_answer_opens_at_its_first_line_on_a_desktop() => NewestAnswerStartsInView(1280, 720, "desktop");

    [ChromiumFact]
    public Task A_long_answer_opens_at_its_first_line_on_a_390px_phone() => NewestAnswerStartsInView(390, 844, "phone");

    [ChromiumFact]
    public Task A_long_answer_opens_at_its_first_line_after_the_visitor_scrolled_back_up() => NewestAnswerStartsInView(1280, 720, "scrolled-up", scrollUpFirst: true);

    [ChromiumFact]
    public async Task Each_source_is_shown_once()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 1400 } });
        const string Question = "does liberation therapy work";
        var sources = host.KnowledgeBase.Engine.Ask(Question).Entry!.Sources;
        Assert.True(sources.Count > 1, "the test needs an answer with several sources");

        await page.GotoAsync(host.BaseAddress.ToString());
        var answer = await AskAndWaitForBotMessageAsync(page, Question, 2);
        try
        {
            foreach (var source in sources)
            {
                await Assertions.Expect(page.Locator($"a[href='{source.Url}']")).ToHaveCountAsync(1);
                await Assertions.Expect(answer).ToContainTextAsync(source.Title);
            }

            // Web Chat lists Markdown reference definitions again under the message as "N references"; there are none.
            await Assertions.Expect(answer.GetByText(new System.Text.RegularExpressions.Regex("\\d+ references?"))).ToHaveCountAsync(0);
        }
        finally
        {
            await ScreenshotAsync(page, "webchat-sources-once.png");
        }
    }

    [ChromiumFact]
    public async Task The_urgent_reply_looks_unlike_an_answer_and_names_the_numbers_the_page_names()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 1200 } });
        var numbers = host.KnowledgeBase.Content.Safety.EmergencyNumbers!;

        await page.GotoAsync(host.BaseAddress.ToString());
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync(numbers);
        var answer = await AskAndWaitForBotMessageAsync(page, "what is ccsvi", 2);
        var urgent = await AskAndWaitForBotMessageAsync(page, "my husband has collapsed and he won't wake up", 3);
        try
        {
            await Assertions.Expect(urgent).ToContainTextAsync(numbers);
            await Assertions.Expect(urgent.Locator("h3")).ToContainTextAsync("Please get help now");
            var urgentLook = await BubbleLookAsync(urgent);
            var answerLook = await BubbleLookAsync(answer);
            Assert.NotEqual(answerLook.Background, urgentLook.Background);
            Assert.NotEqual(answerLook.Border, urgentLook.Border);
            Assert.Equal(0, await answer.Locator("h3").CountAsync());
        }
        finally
        {
            await ScreenshotAsync(page, "webchat-urgent.png");
        }
    }

    private static async Task<(string Background, string Border)> BubbleLookAsync(ILocator bubble)
    {
        var content = bubble.Locator(".webchat__bubble__content").First;
        return (await content.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"),
            await content.EvaluateAsync<string>("e => getComputedStyle(e).borderTopColor"));
    }

    /// <summary>
    /// Asks a short question, then one with a long answer: the newest answer's first line must be on screen, inside the
    /// transcript's visible part, not scrolled past on the way to its disclaimer.
    /// </summary>
    private async Task NewestAnswerStartsInView(int width, int height, string name, bool scrollUpFirst = false)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var expected = AssertAnswer.Expect(host, "does liberation therapy work");

        await page.GotoAsync(host.BaseAddress.ToString());
        await AskAndWaitForBotMessageAsync(page, "what is ccsvi", 2);
        if (scrollUpFirst)
        {
            await page.Locator(".webchat__basic-transcript__scrollable").EvaluateAsync("e => e.scrollTo(0, 0)");
            await Task.Delay(500);
        }

        var answer = await AskAndWaitForBotMessageAsync(page, "does liberation therapy work", 3);
        try
        {
            await Assertions.Expect(answer).ToContainTextAsync(expected.AnswerOpening);
            var transcript = page.Locator(".webchat__basic-transcript__scrollable");
            var box = await SettledBoxAsync(answer);
            var view = (await transcript.BoundingBoxAsync())!;
            Assert.True(box.Height > view.Height, $"the answer ({box.Height:0} px) must be taller than the transcript ({view.Height:0} px) for this test to mean something");
            Assert.InRange(box.Y, view.Y, view.Y + view.Height - 40);
            Assert.InRange(box.Y, 0, height - 40);
        }
        finally
        {
            await ScreenshotAsync(page, $"webchat-newest-answer-{name}.png");
        }
    }

    private static async Task<ILocator> AskAndWaitForBotMessageAsync(IPage page, string question, int botMessageCount)
    {
        var botMessages = page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)");
        await Assertions.Expect(botMessages.First).ToBeVisibleAsync(new() { Timeout = Patience });
        await Ask(page, question);
        await Assertions.Expect(botMessages).ToHaveCountAsync(botMessageCount, new() { Timeout = Patience });
        return botMessages.Nth(botMessageCount - 1);
    }

    /// <summary>The element's box once Web Chat's animated scrolling has stopped moving it.</summary>
    private static async Task<LocatorBoundingBoxResult> SettledBoxAsync(ILocator element)
    {
        var box = (await element.BoundingBoxAsync())!;
        for (var i = 0; i < 50; i++)
        {
            await Task.Delay(100);
            var next = (await element.BoundingBoxAsync())!;
            if (Math.Abs(next.Y - box.Y) < 0.5 && i >= 5)
            {
                return next;
            }

            box = next;
        }

        return box;
    }

    private async Task ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        var path = TestPaths.Artifact(name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        output.WriteLine($"Screenshot: {path}");
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
