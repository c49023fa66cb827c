using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Tests;

/// <summary>
/// The maintainers' safety phrases against the maintainers' own questions: a danger phrase so loose that it swallows an
/// ordinary FAQ question would hide that answer behind an emergency reply for everyone who asks it that way.
/// </summary>
public sealed class SafetyContentTests
{
    [Fact]
    public void No_question_or_alternate_of_the_FAQ_is_taken_for_an_emergency()
    {
        var content = FaqLoader.Load(TestPaths.RealFaq).Content!;
        using var knowledgeBase = KnowledgeBaseFactory.Default.Build(content, new AnsweringOptions(), 1);

        var flagged = content.Entries
            .SelectMany(entry => entry.Alternates.Prepend(entry.Question).Select(phrasing => (entry.Id, phrasing)))
            .Where(p => knowledgeBase.Engine.Ask(p.phrasing).Kind == ReplyKind.Urgent)
            .Select(p => $"{p.Id}: {p.phrasing}");

        Assert.Empty(flagged);
    }

    [Theory]
    [InlineData("i have been saving my pills for weeks")]
    [InlineData("nobody would miss me if i was gone")]
    [InlineData("my wife is fitting and her lips are turning blue")]
    [InlineData("my neck is bleeding through the dressing since the vein op")]
    public void Indirect_descriptions_of_danger_get_the_safety_reply(string message)
    {
        using var knowledgeBase = KnowledgeBaseFactory.Default.Build(FaqLoader.Load(TestPaths.RealFaq).Content!, new AnsweringOptions(), 1);

        Assert.Equal(ReplyKind.Urgent, knowledgeBase.Engine.Ask(message).Kind);
    }

    [Fact]
    public void Someone_in_danger_from_another_person_is_pointed_to_emergency_numbers()
    {
        using var knowledgeBase = KnowledgeBaseFactory.Default.Build(FaqLoader.Load(TestPaths.RealFaq).Content!, new AnsweringOptions(), 1);

        var reply = knowledgeBase.Engine.Ask("my partner keeps threatening me and i am scared for my safety");

        Assert.Equal(ReplyKind.Urgent, reply.Kind);
        Assert.Contains("999", reply.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Samaritans", reply.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my dad is having a heart attack", ReplyKind.Urgent)]
    [InlineData("what causes heart attack", ReplyKind.None)]
    [InlineData("who is at risk for heart attack?", ReplyKind.None)]
    public void A_danger_phrase_needs_its_meaningful_words_not_just_its_topic(string message, ReplyKind expected)
    {
        using var knowledgeBase = KnowledgeBaseFactory.Default.Build(FaqLoader.Load(TestPaths.RealFaq).Content!, new AnsweringOptions(), 1);

        Assert.Equal(expected, knowledgeBase.Engine.Ask(message).Kind);
    }
}
