using CcsviBot.Core.Text;

namespace CcsviBot.Core.Tests;

public class SentencesTests
{
    [Fact]
    public void Abbreviations_initials_and_decimals_do_not_end_a_sentence() =>
        Assert.Equal(["Were trials in the U.S., the U.K. and e.g. Italy at 1.5 mg?", "Is that right?"],
            Sentences.Questions("Were trials in the U.S., the U.K. and e.g. Italy at 1.5 mg? Is that right? Thanks"));

    [Fact]
    public void The_questions_of_a_post_come_in_order_with_their_question_mark() =>
        Assert.Equal(["How long does it last?", "Also, is ccsvi inherited?"],
            Sentences.Questions("I had it done in 2010. How long does it last? Also, is ccsvi inherited?\nThanks!"));

    [Fact]
    public void A_post_of_thousands_of_sentences_is_read_as_its_first_ones() =>
        Assert.Equal(Sentences.Max, Sentences.Questions(string.Concat(Enumerable.Repeat("why? ", 5_000))).Count);
}
