using System.Text.Json.Nodes;
using CcsviBot.Channels.Teams;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CcsviBot.Tests.Teams;

public sealed class ComposeExtensionQueryHandlerTests : IDisposable
{
    private const string Disclaimer = "General information only, not medical advice.";
    private static readonly string[] Topics =
    [
        "vein narrowing", "multiple sclerosis cause", "liberation procedure", "balloon angioplasty risks", "stent complications",
        "ultrasound diagnosis", "venography imaging", "iron deposits", "clinical trials results", "Brave Dreams study",
        "cost of treatment", "travel abroad clinics", "inherited risk", "healthy people veins", "research status",
    ];

    private readonly KnowledgeBase knowledgeBase;
    private readonly ComposeExtensionQueryHandler handler;

    public ComposeExtensionQueryHandlerTests()
    {
        // Fifteen entries, more than one page; the last entry is the one most others list as related.
        var entries = Topics.Select((topic, i) => new FaqEntry
        {
            Id = $"entry-{i:00}",
            Question = $"What about {topic}?",
            Answer = $"A reviewed passage about **{topic}**, long enough to be cut in the preview line: " + string.Join(' ', Enumerable.Repeat("more words", 20)),
            Sources = [new FaqSource($"Source on {topic}", "Journal", 2020, $"https://example.org/{i}")],
            Related = i < 5 ? ["entry-14"] : [],
        }).ToList();
        var content = new FaqContent(entries, Disclaimer, [], []);
        knowledgeBase = KnowledgeBaseFactory.Default.Build(content, new AnsweringOptions(), version: 1);
        var answering = Options.Create(new AnsweringOptions { StarterQuestions = ["entry-09"] });
        handler = new ComposeExtensionQueryHandler(
            new CcsviBot.Core.Answering.StaticKnowledgeBaseProvider(knowledgeBase), new TeamsReplyRenderer(Options.Create(new TeamsOptions())), answering, NullLogger<ComposeExtensionQueryHandler>.Instance);
    }

    public void Dispose() => (knowledgeBase.Engine as IDisposable)?.Dispose();

    private static JsonArray Attachments(JsonNode body) => body["composeExtension"]!["attachments"]!.AsArray();

    private static List<string> Titles(JsonNode body) =>
        Attachments(body).Select(a => (string)a!["preview"]!["content"]!["title"]!).ToList();

    [Fact]
    public void A_search_returns_answer_cards_with_sources_disclaimer_and_a_thumbnail_preview_in_the_engines_order()
    {
        var response = handler.Handle(SearchQuery.Value("angioplasty risks"));

        Assert.Equal(200, response.Status);
        Assert.Equal("result", (string?)response.Body!["composeExtension"]!["type"]);
        Assert.Equal("list", (string?)response.Body["composeExtension"]!["attachmentLayout"]);
        var expected = knowledgeBase.Engine.Search("angioplasty risks", ComposeExtensionQuery.MaxResults).Select(h => h.Entry.Question).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Titles(response.Body));

        var first = Attachments(response.Body)[0]!;
        Assert.Equal(TeamsCards.ContentType, (string?)first["contentType"]);
        Assert.Equal("application/vnd.microsoft.card.thumbnail", (string?)first["preview"]!["contentType"]);
        var previewText = (string)first["preview"]!["content"]!["text"]!;
        Assert.StartsWith("A reviewed passage about balloon angioplasty risks", previewText, StringComparison.Ordinal);
        Assert.EndsWith("…", previewText, StringComparison.Ordinal);
        var card = (JsonObject)first["content"]!;
        Assert.Contains(Disclaimer, CardJson.Texts(card));
        Assert.Contains(CardJson.Texts(card), t => t.Contains("https://example.org/3", StringComparison.Ordinal));
        Assert.Empty(CardJson.Submits(card)); // inserted into someone else's conversation: no buttons
    }

    [Theory]
    [InlineData(true, "anything typed")]
    [InlineData(false, "")]
    [InlineData(false, "   ")]
    [InlineData(false, null)]
    public void Initial_run_or_an_empty_box_lists_starters_then_the_most_related_entries(bool initialRun, string? text)
    {
        var titles = Titles(handler.Handle(SearchQuery.Value(text, initialRun)).Body!);

        Assert.Equal(ComposeExtensionQuery.MaxResults, titles.Count);
        Assert.Equal("What about Brave Dreams study?", titles[0]); // the configured starter question
        Assert.Equal("What about research status?", titles[1]); // listed as related by five entries
        Assert.Equal(titles.Count, titles.Distinct().Count());
    }

    [Fact]
    public void Paging_uses_skip_and_count_caps_a_page_at_ten_and_ends_with_an_empty_list()
    {
        var all = Titles(handler.Handle(SearchQuery.Value("", skip: 0, count: 25)).Body!);
        var second = Titles(handler.Handle(SearchQuery.Value("", skip: 10, count: 25)).Body!);
        var small = Titles(handler.Handle(SearchQuery.Value("", skip: 2, count: 3)).Body!);
        var past = Titles(handler.Handle(SearchQuery.Value("", skip: 40, count: 10)).Body!);

        Assert.Equal(10, all.Count);
        Assert.Equal(Topics.Length - 10, second.Count);
        Assert.Empty(all.Intersect(second));
        Assert.Equal(all.Skip(2).Take(3), small);
        Assert.Empty(past);
    }

    [Fact]
    public void No_match_is_a_result_that_says_so_not_an_error_and_does_not_echo_the_query()
    {
        var response = handler.Handle(SearchQuery.Value("zzxqv <b>qqwzz</b>"));

        Assert.Equal(200, response.Status);
        var only = Assert.Single(Attachments(response.Body!))!;
        Assert.Equal("No FAQ entry matches", (string?)only["preview"]!["content"]!["title"]);
        Assert.DoesNotContain("qqwzz", only.ToJsonString(), StringComparison.Ordinal);
    }

    public static TheoryData<string> MalformedValues() =>
    [
        "null",
        "\"just text\"",
        "[]",
        """{"parameters":"query=x"}""",
        """{"parameters":[42]}""",
        """{"parameters":[{"name":"query","value":7}]}""",
        """{"parameters":[],"queryOptions":[]}""",
        """{"parameters":[],"queryOptions":{"skip":-1,"count":10}}""",
        """{"parameters":[],"queryOptions":{"skip":"0","count":10}}""",
        """{"parameters":[],"queryOptions":{"skip":0,"count":2.5}}""",
        """{"parameters":[],"queryOptions":{"skip":0,"count":1e12}}""",
    ];

    [Theory]
    [MemberData(nameof(MalformedValues))]
    public void A_malformed_value_gets_400_with_a_reason(string json)
    {
        var response = handler.Handle(JsonNode.Parse(json));

        Assert.Equal(400, response.Status);
        Assert.False(string.IsNullOrWhiteSpace((string?)response.Body!["error"]!["message"]));
    }
}
