using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Rendering;

namespace CcsviBot.Core.Tests;

public sealed class RendererTests : IDisposable
{
    private readonly KnowledgeBase knowledgeBase = TestPaths.BuildFixture();

    public void Dispose() => knowledgeBase.Dispose();

    [Fact]
    public void An_answer_has_the_passage_its_source_linked_once_and_the_disclaimer()
    {
        var entry = knowledgeBase.Content.Find("what-is-ccsvi")!;
        var text = MarkdownReplyRenderer.Render(knowledgeBase.Engine.AnswerEntry(entry.Id)!);

        Assert.StartsWith(entry.Answer, text, StringComparison.Ordinal);
        Assert.Contains("Source: [Chronic cerebrospinal venous insufficiency in patients with multiple sclerosis](https://pubmed.ncbi.nlm.nih.gov/19060024/) (J Neurol Neurosurg Psychiatry, 2009)", text, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "https://pubmed"));
        Assert.EndsWith("_General information only, not medical advice. Talk to your doctor or neurologist._", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("_General", StringComparison.Ordinal) > text.IndexOf("Source:", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_sources_are_linked_inline_and_sources_without_links_stay_plain()
    {
        var reply = new Reply
        {
            Kind = ReplyKind.Answer,
            Entry = new FaqEntry
            {
                Id = "x",
                Question = "Q?",
                Answer = "A.",
                Sources = [new FaqSource("One [quoted]", "P1", 2001, "https://a.example/1"), new FaqSource("Book", null, null, null), new FaqSource("Two", "P2", null, "http://b.example/(2)")],
            },
            Disclaimer = "D.",
        };

        var text = MarkdownReplyRenderer.Render(reply);

        Assert.Contains("Sources: [One \\[quoted\\]](https://a.example/1) (P1, 2001); Book; [Two](<http://b.example/(2)>) (P2)\n\n_D._", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Clarify_lists_the_candidates_and_none_of_these()
    {
        var candidates = knowledgeBase.Content.Entries.Take(2).ToList();
        var text = MarkdownReplyRenderer.Render(new Reply { Kind = ReplyKind.Clarify, Candidates = candidates, Message = EngineMessages.Clarify, Disclaimer = "D." });

        Assert.Contains("Did you mean", text, StringComparison.Ordinal);
        Assert.Contains($"1. {candidates[0].Question}\n2. {candidates[1].Question}\n3. {MarkdownReplyRenderer.NoneOfThese}", text, StringComparison.Ordinal);
        Assert.EndsWith("_D._", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I have chest pain <script>")]
    [InlineData("hello")]
    [InlineData("what causes gout <b>zzz</b>")]
    [InlineData("what is ccsvi <b>zzz</b>")]
    public void Every_reply_carries_the_disclaimer_and_never_the_user_text(string question)
    {
        var text = MarkdownReplyRenderer.Render(knowledgeBase.Engine.Ask(question));

        Assert.Contains("_General information only", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain("zzz", text, StringComparison.Ordinal);
    }
}
