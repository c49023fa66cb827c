using CcsviBot.Core.Answering;

namespace CcsviBot.Tests.DirectLine;

/// <summary>Checks a reply that came through a channel against what the live engine itself decides for the question.</summary>
internal static class AssertAnswer
{
    public static FaqAnswerExpectation Expect(LiveBotHost host, string question)
    {
        var knowledgeBase = host.KnowledgeBase;
        var reply = knowledgeBase.Engine.Ask(question);
        Assert.Equal(ReplyKind.Answer, reply.Kind);
        var source = reply.Entry!.Sources.First(source => source.Url is not null);
        return new(reply.Entry.Question, source.Url!, Opening(reply.Entry.Answer), Opening(knowledgeBase.Content.Disclaimer));
    }

    public static void IsSourcedAnswerWithDisclaimer(LiveBotHost host, string question, string text)
    {
        var expected = Expect(host, question);
        Assert.Contains(expected.AnswerOpening, text);
        Assert.Contains(expected.SourceUrl, text);
        Assert.Contains(expected.DisclaimerOpening, text);
    }

    public static void HasDisclaimer(LiveBotHost host, string text) =>
        Assert.Contains(Opening(host.KnowledgeBase.Content.Disclaimer), text);

    /// <summary>The first words of a Markdown passage, before any markup that rendering may change.</summary>
    private static string Opening(string markdown)
    {
        var plain = markdown.Trim();
        var cut = plain.IndexOfAny(['[', '*', '_', '`', '\n', '(']);
        var opening = cut < 0 ? plain : plain[..cut];
        return opening.Length > 40 ? opening[..40] : opening.TrimEnd();
    }
}

internal sealed record FaqAnswerExpectation(string Question, string SourceUrl, string AnswerOpening, string DisclaimerOpening);
