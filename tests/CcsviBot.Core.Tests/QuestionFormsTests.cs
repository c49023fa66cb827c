using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Tests;

public class QuestionFormsTests
{
    [Fact]
    public void A_name_given_with_its_abbreviation_is_asked_with_either_name_alone() =>
        Assert.Equal(["what is multiple sclerosis ms", "what is multiple sclerosis", "what is ms"], QuestionForms.Of("What is multiple sclerosis (MS)?"));

    [Theory]
    [InlineData("Does it hurt (a lot)?", "does it hurt a lot")]
    [InlineData("What does the FDA (Food and Drug Administration) say?", "what does the fda food and drug administration say")]
    [InlineData("Is MS (or CCSVI) inherited?", "is ms or ccsvi inherited")]
    [InlineData("Who proposed CCSVI?", "who proposed ccsvi")]
    public void A_bracket_that_does_not_abbreviate_the_words_before_it_adds_no_form(string question, string normal) =>
        Assert.Equal([normal], QuestionForms.Of(question));
}
