using Markdig;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;
using CcsviBot.Insights;

namespace CcsviBot.Core.Tests.Insights;

public sealed class ReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Since = Now.AddDays(-30);

    private static readonly FaqContent Content = new(
        [
            Entry("what-is-ccsvi", "What is CCSVI?", ["Define CCSVI"], new DateOnly(2026, 6, 1)),
            Entry("is-it-safe", "Is venous angioplasty safe?", [], new DateOnly(2024, 1, 10)),
            Entry("brave-dreams", "What did the Brave Dreams trial find?", [], null),
        ],
        "Not medical advice.",
        [],
        []);

    private static FaqEntry Entry(string id, string question, string[] alternates, DateOnly? reviewed) => new()
    {
        Id = id,
        Question = question,
        Alternates = alternates,
        Answer = "An answer.",
        Sources = [new FaqSource("A source", null, 2020, "https://example.org")],
        Reviewed = reviewed,
    };

    private static StoredTurn Turn(string question, ReplyKind kind, string? entry = null, int daysAgo = 1, string? earlier = null, ReplyKind? earlierKind = null) =>
        new(Now.AddDays(-daysAgo), "webchat", question, kind, entry, 0.5, earlier, earlierKind);

    private static FeedbackRecord Vote(string entry, FeedbackKind kind, int daysAgo = 1) => new(Now.AddDays(-daysAgo), "webchat", entry, kind);

    [Fact]
    public void Groups_similar_unanswered_questions_with_counts_and_examples()
    {
        var data = new InsightsData(
            [
                Turn("Does CCSVI treatment cost a lot?", ReplyKind.None),
                Turn("does ccsvi treatment cost a lot", ReplyKind.None),
                Turn("How much does CCSVI treatment cost?", ReplyKind.None),
                Turn("Can my cat get MS?", ReplyKind.None),
                Turn("Old question about costs of CCSVI treatment", ReplyKind.None, daysAgo: 40),
            ],
            []);

        var report = InsightsReportBuilder.Build(data, Content, Since, Now);

        Assert.Equal(2, report.Unanswered.Count);
        var costs = report.Unanswered[0];
        Assert.Equal(3, costs.Count);
        Assert.Contains("How much does CCSVI treatment cost?", costs.Examples);
        Assert.Equal("Can my cat get MS?", report.Unanswered[1].Question);
        Assert.Equal(1, report.Unanswered[1].Count);
        Assert.Equal(4, report.Totals.Unanswered);
    }

    [Fact]
    public void Ranks_feedback_flags_outdated_and_lists_never_matched_and_overdue_entries()
    {
        var data = new InsightsData(
            [Turn("What is CCSVI?", ReplyKind.Answer, "what-is-ccsvi"), Turn("is it safe", ReplyKind.Answer, "is-it-safe")],
            [
                Vote("what-is-ccsvi", FeedbackKind.Helpful),
                Vote("what-is-ccsvi", FeedbackKind.NotHelpful),
                Vote("is-it-safe", FeedbackKind.NotHelpful),
                Vote("is-it-safe", FeedbackKind.NotHelpful),
                Vote("is-it-safe", FeedbackKind.Outdated),
                Vote("is-it-safe", FeedbackKind.Outdated, daysAgo: 2),
                Vote("brave-dreams", FeedbackKind.Helpful),
            ]);

        var report = InsightsReportBuilder.Build(data, Content, Since, Now);

        Assert.Equal(["is-it-safe", "what-is-ccsvi"], report.WorstHelpful.Select(e => e.EntryId));
        Assert.Equal(0, report.WorstHelpful[0].HelpfulRatio);
        Assert.Equal(0.5, report.WorstHelpful[1].HelpfulRatio);
        var flag = Assert.Single(report.FlaggedOutdated);
        Assert.Equal(("is-it-safe", 2), (flag.EntryId, flag.Count));
        Assert.Equal("brave-dreams", Assert.Single(report.NeverMatched).EntryId);
        Assert.Equal(["brave-dreams", "is-it-safe"], report.ReviewOverdue.Select(r => r.EntryId));
    }

    [Fact]
    public void Suggests_alternates_from_clarifications_and_rephrasings_with_the_reason()
    {
        var data = new InsightsData(
            [
                Turn("What is CCSVI?", ReplyKind.Answer, "what-is-ccsvi", earlier: "vein narrowing ms theory", earlierKind: ReplyKind.Clarify),
                Turn("What is CCSVI?", ReplyKind.Answer, "what-is-ccsvi", earlier: "Vein narrowing MS theory?", earlierKind: ReplyKind.Clarify),
                Turn("is the vein operation dangerous", ReplyKind.Answer, "is-it-safe", earlier: "vein operation risks", earlierKind: ReplyKind.None),
                // Already an alternate of the entry: nothing to suggest.
                Turn("What is CCSVI?", ReplyKind.Answer, "what-is-ccsvi", earlier: "define ccsvi", earlierKind: ReplyKind.Clarify),
            ],
            []);

        var report = InsightsReportBuilder.Build(data, Content, Since, Now);

        Assert.Equal(2, report.SuggestedAlternates.Count);
        var fromClarify = report.SuggestedAlternates[0];
        Assert.Equal(("what-is-ccsvi", 2), (fromClarify.EntryId, fromClarify.Count));
        Assert.Equal("2 times the bot asked \"Did you mean…\" and the visitor picked this entry from its choices", fromClarify.Reason);
        var fromRephrase = report.SuggestedAlternates[1];
        Assert.Equal(("is-it-safe", "vein operation risks"), (fromRephrase.EntryId, fromRephrase.Question));
        Assert.Equal("once no answer, then the visitor's next message \"is the vein operation dangerous\" (also saying \"operation\", \"vein\") matched this entry", fromRephrase.Reason);
    }

    [Fact]
    public void Markdown_keeps_visitors_words_as_text()
    {
        var data = new InsightsData([Turn("<script>alert(1)</script> [click](javascript:x) | *bold*", ReplyKind.None)], []);
        var report = InsightsReportBuilder.Build(data, Content, Since, Now);

        var markdown = InsightsReportFormatter.ToMarkdown(report);

        Assert.Contains(@"\<script\>alert\(1\)\<\/script\> \[click\]\(javascript\:x\) \| \*bold\*", markdown, StringComparison.Ordinal);
        Assert.Contains("## Unanswered questions (1)", markdown, StringComparison.Ordinal);
        Assert.Contains("\"unanswered\"", InsightsReportFormatter.ToJson(report), StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_id_from_the_store_cannot_inject_markdown_into_the_report()
    {
        var injected = "what-is-ccsvi\n# Urgent: log in\n[Log in](https://phish.example) | `x`\r\n" + new string('a', 200_000);
        var data = new InsightsData([], [Vote(injected, FeedbackKind.NotHelpful), Vote(injected, FeedbackKind.Outdated)]);
        var report = InsightsReportBuilder.Build(data, Content, Since, Now);

        var markdown = InsightsReportFormatter.ToMarkdown(report);
        var html = Markdig.Markdown.ToHtml(markdown, new Markdig.MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build());

        Assert.DoesNotContain("\n# Urgent", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1>Urgent", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.True(markdown.Length < 10_000, $"the report is {markdown.Length:N0} characters");
        Assert.All(markdown.Split('\n').Where(line => line.StartsWith('#')), line => Assert.Matches("^(# FAQ report|## )", line));
    }

    [Theory]
    [InlineData("30d", 30 * 24)]
    [InlineData("12h", 12)]
    [InlineData("2w", 14 * 24)]
    public void Parses_periods(string text, int hours)
    {
        Assert.True(ReportPeriod.TryParse(text, out var period));
        Assert.Equal(TimeSpan.FromHours(hours), period);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("-3d")]
    [InlineData("3y")]
    [InlineData("99999d")]
    public void Rejects_bad_periods(string text) => Assert.False(ReportPeriod.TryParse(text, out _));
}
