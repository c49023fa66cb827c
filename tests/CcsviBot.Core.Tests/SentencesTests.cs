using CcsviBot.Core.Text;

namespace CcsviBot.Core.Tests;

public class SentencesTests
{
    [Fact]
    public void Abbreviations_initials_and_decimals_do_not_end_a_sentence() =>
        Assert.Equal(["Were trials in the U.S., the U.K. and e.g. Italy at 1.5 mg?", "Is that right?"],
            Sentences.Questions("Were trials in the U.S., the U.K. and e.g. Italy at 1.5 mg? Is that right? Thanks"));

    [Fact]
    public void A_title_before_a_name_does_not_end_a_sentence_but_MS_does() =>
        Assert.Equal(["What disease does Dr. Zamboni have?", "Should I ask Prof. Smith?"],
            Sentences.Questions("I have MS. What disease does Dr. Zamboni have? Should I ask Prof. Smith?"));

    [Fact]
    public void The_questions_of_a_post_come_in_order_with_their_question_mark() =>
        Assert.Equal(["How long does it last?", "Also, is ccsvi inherited?"],
            Sentences.Questions("I had it done in 2010. How long does it last? Also, is ccsvi inherited?\nThanks!"));

    [Fact]
    public void A_post_of_thousands_of_sentences_is_read_as_its_first_ones() =>
        Assert.Equal(Sentences.Max, Sentences.Questions(string.Concat(Enumerable.Repeat("why? ", 5_000))).Count);

    [Theory]
    [InlineData("How do you answer the question, \u201CWhat is MS?\u201D?")]
    [InlineData("People keep asking me, \"What is MS?\"")]
    [InlineData("My son asked \u00ABWhat is MS?\u00BB")]
    public void A_quoted_question_is_the_question_and_the_words_before_it_only_say_who_asks(string text) =>
        Assert.Equal(["What is MS?"], Sentences.Questions(text));

    [Theory]
    [InlineData("What's the \"liberation\" treatment?")]
    [InlineData("Isn't it my neurologist's call?")]
    [InlineData("\"Is CCSVI real?\"")]
    public void Apostrophes_a_quoted_word_and_a_question_that_is_all_quoted_are_not_cut(string text) =>
        Assert.Equal([text.TrimEnd('"')], Sentences.Questions(text).Select(q => q.TrimEnd('"')));
}
