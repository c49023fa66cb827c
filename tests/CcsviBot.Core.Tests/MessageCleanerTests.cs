using CcsviBot.Core.Text;

namespace CcsviBot.Core.Tests;

public class MessageCleanerTests
{
    [Theory]
    [InlineData("<script>alert(1)</script> tell me about ccsvi", "ccsvi")]
    [InlineData("<p>What is <b>CCSVI</b>?</p>", "What is  CCSVI ?")]
    [InlineData("see https://example.org/a?b=c and www.example.com/x now", "see   and   now")]
    [InlineData("Q: What do I do?", "What do I do?")]
    [InlineData("Q1: What are the aims?", "What are the aims?")]
    [InlineData("11. What are the two schools of thought? (stent, no stent)", "What are the two schools of thought?")]
    [InlineData("- is it safe", "is it safe")]
    [InlineData("Q&A: What is MS?", "What is MS?")]
    [InlineData("FAQs: who gets ms", "who gets ms")]
    [InlineData("Re: is ccsvi real?", "is ccsvi real?")]
    [InlineData("Ask the expert: does venoplasty hurt?", "does venoplasty hurt?")]
    [InlineData("Want to learn more about CCSVI?", "CCSVI?")]
    [InlineData("I would like to know more about the Zamboni study", "the Zamboni study")]
    [InlineData("can you tell me about stents", "stents")]
    [InlineData("I'd like to know more about stents", "stents")]
    [InlineData("I’d like some information on venoplasty", "venoplasty")]
    [InlineData("Some information on the liberation treatment please", "the liberation treatment please")]
    [InlineData("DEAR DR. DONOHUE: Recently my left leg has swollen.", "Recently my left leg has swollen.")]
    [InlineData("Dear Doctors: My brother has MS. What is it?", "My brother has MS. What is it?")]
    [InlineData("Hi doctor, is ccsvi real?", "is ccsvi real?")]
    public void Markup_addresses_numbering_a_heading_label_a_request_s_framing_and_a_closing_aside_go(string text, string expected) =>
        Assert.Equal(expected, MessageCleaner.Clean(text));

    [Theory]
    [InlineData("i <3 my nurse, is ccsvi real")]
    [InlineData("is 3.5 the right number")]
    [InlineData("does a < b matter")]
    [InlineData("What is CCSVI (chronic cerebrospinal venous insufficiency) exactly?")]
    [InlineData("10 tablets a day, is that normal")]
    [InlineData("Angioplasty: is it safe?")]
    [InlineData("Question of the week: is CCSVI real?")]
    [InlineData("What do you know about CCSVI?")]
    [InlineData("tell me about")]
    [InlineData("I read about it in the paper and I'm worried")]
    [InlineData("Dear whoever reads this, I am sorry")]
    [InlineData("Dear Sir, my father has suddenly lost the use of his right arm")]
    [InlineData("My doctor, Dr. Patel, says it is nothing")]
    public void Words_that_only_look_like_markup_or_numbering_stay(string text) =>
        Assert.Equal(text, MessageCleaner.Clean(text));

    [Fact]
    public void Hostile_markup_is_cleaned_without_a_long_search()
    {
        var hostile = string.Concat(Enumerable.Repeat("<a <b <c ", 2_000)) + "what is ccsvi";

        Assert.EndsWith("what is ccsvi", MessageCleaner.Clean(hostile), StringComparison.Ordinal);
    }
}
