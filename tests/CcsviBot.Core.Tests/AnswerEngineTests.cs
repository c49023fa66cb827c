using CcsviBot.Core.Answering;

namespace CcsviBot.Core.Tests;

public sealed class AnswerEngineTests : IDisposable
{
    private readonly KnowledgeBase knowledgeBase = TestPaths.BuildFixture(new AnsweringOptions { MaxQuestionLength = 200 });

    private IAnswerEngine Engine => knowledgeBase.Engine;

    public void Dispose() => knowledgeBase.Dispose();

    [Theory]
    [InlineData("I have chest pain")]
    [InlineData("i CANT breathe!!")]
    [InlineData("one side of my body went numb")]
    [InlineData("i want to KILL myself tonight")]
    [InlineData("killing myself")]
    public void Danger_phrases_get_the_safety_reply(string text)
    {
        var reply = Engine.Ask(text);

        Assert.Equal(ReplyKind.Urgent, reply.Kind);
        Assert.Contains(reply.Message, knowledgeBase.Content.SafetyRules.Select(r => r.Reply));
    }

    [Fact]
    public void Safety_screen_runs_even_on_over_long_text()
    {
        var reply = Engine.Ask(new string('x', 300) + " i want to die " + new string('y', 300));

        Assert.Equal(ReplyKind.Urgent, reply.Kind);
    }

    [Fact]
    public void Safety_phrases_match_whole_words_only() =>
        Assert.NotEqual(ReplyKind.Urgent, Engine.Ask("what about the chestnut painting").Kind);

    [Fact]
    public void Over_long_text_gets_a_polite_limit_reply()
    {
        var reply = Engine.Ask(string.Join(' ', Enumerable.Repeat("ccsvi", 60)));

        Assert.Equal(ReplyKind.None, reply.Kind);
        Assert.Contains("200 characters", reply.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hi", "greeting")]
    [InlineData("Hello there!", "greeting")]
    [InlineData("thank you so much", "thanks")]
    [InlineData("help", "help")]
    [InlineData("bye", "goodbye")]
    public void Whole_message_small_talk_is_small_talk(string text, string intent)
    {
        var reply = Engine.Ask(text);

        Assert.Equal(ReplyKind.SmallTalk, reply.Kind);
        Assert.Equal(knowledgeBase.Content.SmallTalk.Single(i => i.Id == intent).Reply, reply.Message);
        Assert.Equal(3, reply.Suggestions.Count);
    }

    [Fact]
    public void A_greeting_with_a_question_is_a_question()
    {
        var reply = Engine.Ask("hi, what is ccsvi?");

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("what-is-ccsvi", reply.Entry!.Id);
    }

    [Fact]
    public void Exact_question_or_alternate_answers_with_full_confidence()
    {
        var reply = Engine.Ask("what does ccsvi STAND for");

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("what-is-ccsvi", reply.Entry!.Id);
        Assert.Equal(1, reply.Confidence);
        Assert.Equal(["liberation-therapy", "ms-medication"], reply.Suggestions.Select(s => s.Id));
    }

    [Fact]
    public void A_close_paraphrase_is_answered()
    {
        var reply = Engine.Ask("can i stop my ms medication?");

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("ms-medication", reply.Entry!.Id);
        Assert.InRange(reply.Confidence, 0.5, 1);
    }

    [Theory]
    [InlineData("what causes gout")]
    [InlineData("asdfgh qwerty")]
    [InlineData("")]
    public void Out_of_scope_questions_get_none_with_starters(string text)
    {
        var reply = Engine.Ask(text);

        Assert.Equal(ReplyKind.None, reply.Kind);
        Assert.Equal(3, reply.Suggestions.Count);
        Assert.InRange(reply.Confidence, 0, 1);
    }

    [Fact]
    public void An_uncertain_match_is_clarified_not_guessed()
    {
        using var strict = TestPaths.BuildFixture(new AnsweringOptions { AnswerThreshold = 1, ClarifyThreshold = 0 });

        var reply = strict.Engine.Ask("venous angioplasty ms medication");

        Assert.Equal(ReplyKind.Clarify, reply.Kind);
        Assert.InRange(reply.Candidates.Count, 1, 3);
        Assert.Equal(["liberation-therapy", "ms-medication"], reply.Candidates.Select(c => c.Id).Order(StringComparer.Ordinal).Take(2));
    }

    [Fact]
    public void Answer_entry_answers_a_known_id_and_nothing_else()
    {
        var reply = Engine.AnswerEntry("liberation-therapy")!;

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("liberation-therapy", reply.Entry!.Id);
        Assert.Null(Engine.AnswerEntry("no-such-entry"));
    }

    [Fact]
    public void Starter_questions_come_from_the_options()
    {
        using var configured = TestPaths.BuildFixture(new AnsweringOptions { StarterQuestions = ["ms-medication", "unknown-id"] });

        Assert.Equal("ms-medication", configured.Engine.Ask("asdf").Suggestions[0].Id);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.NotEmpty(AnsweringOptions.Problems(new AnsweringOptions { AnswerThreshold = 0.2, ClarifyThreshold = 0.5 }));
        Assert.NotEmpty(AnsweringOptions.Problems(new AnsweringOptions { AnswerThreshold = 1.5 }));
        Assert.NotEmpty(AnsweringOptions.Problems(new AnsweringOptions { MaxQuestionLength = 0 }));
        Assert.Empty(AnsweringOptions.Problems(new AnsweringOptions()));
        Assert.Throws<ArgumentException>(() => KnowledgeBaseFactory.Default.Build(TestPaths.LoadFixture(), new AnsweringOptions { ClarifyThreshold = 2 }, 1));
    }
}
