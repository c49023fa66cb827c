using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Tests;

/// <summary>
/// How the real FAQ treats questions as people write them (issue #14): about another subject, wrapped in markup or list
/// numbering, or inside a long post. The figures over many real questions are in faq/eval/real-questions.tsv.
/// </summary>
public sealed class RealQuestionShapeTests(RealQuestionShapeTests.RealFaq faq) : IClassFixture<RealQuestionShapeTests.RealFaq>
{
    private IAnswerEngine Engine => faq.KnowledgeBase.Engine;

    [Theory]
    [InlineData("is ms hereditary")]
    [InlineData("is multiple sclerosis genetic")]
    [InlineData("what causes gout")]
    [InlineData("Who is most at risk for varicose veins?")]
    [InlineData("what is parkinsons disease")]
    public void A_question_about_another_subject_is_never_answered_with_an_entry_about_CCSVI(string question)
    {
        var reply = Engine.Ask(question);

        Assert.True(reply.Kind != ReplyKind.Answer || reply.Entry!.Subjects.Count > 0, $"{question} → {reply.Entry?.Id}");
        Assert.All(reply.Candidates, c => Assert.NotEmpty(c.Subjects));
    }

    [Fact]
    public void A_question_about_another_condition_only_is_declined() =>
        Assert.Equal(ReplyKind.None, Engine.Ask("what causes gout").Kind);

    [Theory]
    [InlineData("what causes gout", null, "other")]
    [InlineData("does hot weather make ms symptoms worse", null, "ms")]
    [InlineData("can i get pregnant with ms", "pregnancy", "ms")]
    public void A_declined_question_is_told_where_to_ask_by_what_it_asks_for_first_then_by_its_subject(string question, string? ask, string subject)
    {
        var reply = Engine.Ask(question);

        Assert.Equal(ReplyKind.None, reply.Kind);
        var expected = ask is null ? Concept(faq.KnowledgeBase.Content.Subjects, subject) : Concept(faq.KnowledgeBase.Content.Asks, ask);
        Assert.NotNull(expected);
        Assert.Equal(expected, reply.Message);
    }

    [Fact]
    public void A_declined_question_about_CCSVI_gets_the_plain_reply_even_when_it_names_MS_too()
    {
        var reply = Engine.Ask("did zamboni play football before his ms research");

        Assert.Equal(ReplyKind.None, reply.Kind);
        Assert.Equal(EngineMessages.NoAnswer, reply.Message);
    }

    private static string? Concept(IReadOnlyList<FaqConcept> concepts, string id) => concepts.Single(c => c.Id == id).Declined;

    [Fact]
    public void A_question_naming_CCSVI_and_MS_can_be_answered_about_CCSVI() =>
        AssertAnsweredWith("ccsvi-inherited", "is ccsvi inherited in families with ms");

    // How people word what an entry answers: "vascular" names the vein theory as "blood vessels" does (a vascular
    // malformation is another condition, below); "contribute to" asks for a cause as "to blame" does; "who is affected
    // by" asks who gets it; a count says nothing about the topic ("the four types of MS" asks what "the types" asks).
    [Theory]
    [InlineData("Is MS a vascular disease?", "ccsvi-causes-ms")]
    [InlineData("is ms vascular or autoimmune", "ms-cause")]
    [InlineData("what contributes to ms", "ms-cause")]
    [InlineData("does ccsvi contribute to ms", "ccsvi-causes-ms")]
    [InlineData("Who is affected by MS?", "who-gets-ms")]
    [InlineData("What Are The Four Types of Multiple Sclerosis?", "ms-types")]
    public void A_question_in_its_own_words_gets_the_entry_that_answers_it(string question, string entry) =>
        AssertAnsweredWith(entry, question);

    [Fact]
    public void A_scam_is_read_as_a_hoax()
    {
        var reply = Engine.Ask("Is liberation therapy a scam?");

        Assert.NotEqual(ReplyKind.None, reply.Kind);
        Assert.Contains(reply.Kind == ReplyKind.Answer ? [reply.Entry!] : reply.Candidates, e => e.Id == "treatment-effectiveness");
    }

    /// <summary>"What is multiple sclerosis (MS)?" is the entry's own question: asked with either name, it is not a paraphrase.</summary>
    [Theory]
    [InlineData("What is MS?")]
    [InlineData("what is multiple sclerosis")]
    [InlineData("Q&A: What is MS?")]
    public void An_entry_question_asked_with_either_name_it_gives_gets_that_entry_surely(string question)
    {
        var reply = Engine.Ask(question);

        Assert.Equal("what-is-ms", reply.Entry?.Id);
        Assert.Equal(1, reply.Confidence);
    }

    [Fact]
    public void A_vascular_malformation_is_another_condition() =>
        Assert.Equal(ReplyKind.None, Engine.Ask("Brain vascular malformations: are they hereditary?").Kind);

    [Theory]
    [InlineData("Why take a DMT?", "ms-medication")]
    [InlineData("What MS drugs are there besides injections?", "ms-medication")]
    public void A_question_about_MS_alone_is_not_answered_with_an_entry_about_MS_and_CCSVI(string question, string entry)
    {
        var reply = Engine.Ask(question);

        Assert.NotEqual(entry, reply.Entry?.Id);
        Assert.DoesNotContain(reply.Candidates, c => c.Id == entry);
        // Named with CCSVI, the same medicines are that entry's question.
        Assert.Equal(entry, Engine.Ask(question.TrimEnd('?') + " after ccsvi treatment?").Entry?.Id);
    }

    [Theory]
    [InlineData("How does stress affect your MS?")]
    [InlineData("Why Exactly Does Heat Trigger Pain in Multiple Sclerosis Patients?")]
    public void A_question_about_MS_alone_gets_an_answer_or_where_to_ask_never_a_choice_of_entries(string question)
    {
        var reply = Engine.Ask(question);

        Assert.Equal(ReplyKind.None, reply.Kind);
        Assert.Equal(Concept(faq.KnowledgeBase.Content.Subjects, "ms"), reply.Message);
        // What it came near is offered as topics to ask about: the entries on MS alone, not the starter questions.
        Assert.NotEmpty(reply.Suggestions);
        Assert.All(reply.Suggestions, s => Assert.Equal(["ms"], s.Subjects));
        // The basics of MS are still answered.
        Assert.Equal("ms-types", Engine.Ask("what are the types of ms").Entry?.Id);
    }

    [Theory]
    [InlineData("Should I go abroad for medical care?")]
    [InlineData("Q3: Why will only 100 patients be recruited?")]
    public void A_question_that_names_no_subject_gets_an_answer_or_none_never_a_choice_of_entries(string question)
    {
        var reply = Engine.Ask(question);

        Assert.Equal(ReplyKind.None, reply.Kind);
        Assert.Empty(reply.Candidates);
        Assert.NotEqual(Engine.StarterQuestions, reply.Suggestions);
        // Naming CCSVI makes the same kind of question one to choose entries for.
        Assert.Equal(ReplyKind.Clarify, Engine.Ask("Will all participants have the liberation treatment?").Kind);
    }

    [Fact]
    public void An_organisation_named_after_MS_does_not_make_the_question_one_about_MS() =>
        Assert.Equal("ms-society-position", Engine.Ask("what does the ms society say").Entry?.Id);

    [Theory]
    [InlineData("Can restenosis be prevented?", "how often does restenosis happen", "restenosis")]
    [InlineData("Which specialist performs a venoplasty?", "what is venoplasty", "liberation-therapy")]
    [InlineData("How do I know if I have re-stenosed?", "Can restenosis come back?", "restenosis")]
    [InlineData("what dose of vitamin d should i take for ms", "does vitamin d deficiency cause ms", "ms-cause")]
    [InlineData("Is this a sign of multiple sclerosis?", "what are the signs of multiple sclerosis", "what-is-ms")]
    [InlineData("How can I explain MS fatigue to my family?", "Please explain this illness, MS, as we know nothing about it.", "what-is-ms")]
    [InlineData("What causes relapsing-remitting MS?", "what is relapsing-remitting MS", "ms-types")]
    public void A_question_asking_for_what_its_entry_never_says_is_not_answered_with_it(string question, string sameTopicAnswered, string entry)
    {
        var reply = Engine.Ask(question);

        Assert.NotEqual(entry, reply.Entry?.Id);
        Assert.DoesNotContain(reply.Candidates, c => c.Id == entry);
        // The topic alone is answered by that entry: the veto is the ask's.
        Assert.Equal(entry, Engine.Ask(sameTopicAnswered).Entry?.Id);
    }

    [Fact]
    public void An_entry_answers_an_ask_once_one_of_its_phrasings_names_it()
    {
        var content = FaqLoader.Load(TestPaths.RealFaq).Content!;
        const string Question = "Can restenosis be prevented?";
        var taught = content with
        {
            Entries = content.Entries.Select(e => e.Id == "restenosis" ? e with { Alternates = [.. e.Alternates, "how can the veins be kept from narrowing again, can it be prevented"] } : e).ToList(),
        };
        using var knowledgeBase = KnowledgeBaseFactory.Default.Build(taught, new AnsweringOptions(), 1);

        Assert.NotEqual("restenosis", Engine.Ask(Question).Entry?.Id);
        Assert.Equal("restenosis", knowledgeBase.Engine.Ask(Question).Entry?.Id);
    }

    [Theory]
    [InlineData("<script>alert(1)</script> tell me about ccsvi", "tell me about ccsvi")]
    [InlineData("<b>what causes ccsvi</b> https://example.org/ccsvi?id=1", "what causes ccsvi")]
    [InlineData("3. What causes CCSVI?", "What causes CCSVI?")]
    [InlineData("Q3: What causes CCSVI?", "What causes CCSVI?")]
    [InlineData("What is CCSVI? (show the different kinds of blockage)", "What is CCSVI?")]
    [InlineData("Want to learn more about CCSVI?", "ccsvi")]
    [InlineData("I would like some info on venoplasty", "venoplasty")]
    public void Markup_addresses_numbering_asides_and_a_request_s_framing_do_not_change_the_reply(string messy, string clean)
    {
        var expected = Engine.Ask(clean);
        var reply = Engine.Ask(messy);

        Assert.Equal(ReplyKind.Answer, expected.Kind);
        Assert.Equal(expected.Kind, reply.Kind);
        Assert.Equal(expected.Entry, reply.Entry);
    }

    [Fact]
    public void A_long_post_is_answered_from_its_question_and_offers_its_other_question()
    {
        const string post = "Hi all, I was diagnosed with RRMS in 2012 and have been reading forums for months, and my husband thinks I should "
            + "travel abroad for the procedure because our neurologist will not discuss it. How long does the effect of the liberation "
            + "procedure last? Also, is CCSVI inherited? Thanks for any help.";

        var reply = Engine.Ask(post);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        var asked = new[] { "ccsvi-inherited", "restenosis", "treatment-effectiveness" };
        Assert.Contains(reply.Entry!.Id, asked);
        Assert.Contains(reply.Suggestions, s => asked.Contains(s.Id) && s != reply.Entry);
    }

    // "It" in a question cut from a post is what the post named before it; a post that names nothing lends nothing.
    [Fact]
    public void A_question_that_points_back_is_about_the_subject_named_before_it()
    {
        AssertAnsweredWith("is-ccsvi-recognised", "I read about CCSVI in the paper last week. Is it real?");
        Assert.Equal(ReplyKind.None, Engine.Ask("I read about it in the paper last week. Is it real?").Kind);
    }

    [Fact]
    public void A_question_cut_from_a_post_that_names_no_subject_is_not_answered_alone()
    {
        const string post = "What would I do with the information? Is it worth spending the money ($2350 plus airfare, hotel, and food)? "
            + "Is it worth someone having to come with me?";

        Assert.NotEqual(ReplyKind.Answer, Engine.Ask(post).Kind);
    }

    [Theory]
    [InlineData("How do I reply when my seven year old asks me, \"What is MS?\"", "what-is-ms")]
    [InlineData("What causes multiple sclerosis? Scientists in Oxford report early clue", "ms-cause")]
    [InlineData("What is MS? A beginner guide for relatives", "what-is-ms")]
    public void A_short_message_is_answered_as_the_question_it_quotes_or_heads_with(string message, string expected) =>
        // Read whole, the words about who asks or the headline's tag line drowned the question: none at 0.34, 0.68 and
        // 0.05 when only posts of over 25 words were read one question at a time.
        AssertAnsweredWith(expected, message);

    private void AssertAnsweredWith(string entry, string message)
    {
        var reply = Engine.Ask(message);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(entry, reply.Entry!.Id);
    }

    public sealed class RealFaq : IDisposable
    {
        public KnowledgeBase KnowledgeBase { get; } = KnowledgeBaseFactory.Default.Build(FaqLoader.Load(TestPaths.RealFaq).Content!, new AnsweringOptions(), 1);

        public void Dispose() => KnowledgeBase.Dispose();
    }
}
