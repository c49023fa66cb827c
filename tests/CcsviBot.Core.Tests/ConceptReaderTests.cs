using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Tests;

public class ConceptReaderTests
{
    private static readonly ConceptReader Reader = new(
        [
            new FaqConcept("ccsvi", "CCSVI", ["ccsvi", "veins", "liberation"], []),
            new FaqConcept("ms", "MS", ["ms"], ["ms society"]),
            new FaqConcept("other", "other conditions", ["varicose veins", "gout"], []),
        ],
        new SynonymMap([["ms", "multiple sclerosis"], ["liberation", "venoplasty"]]),
        new FaqAnalyzer());

    [Theory]
    [InlineData("is multiple sclerosis genetic", "ms")]
    [InlineData("is ms hereditary", "ms")]
    [InlineData("does venoplasty work", "ccsvi")]
    [InlineData("narrowed vein in the neck", "ccsvi")]
    [InlineData("who gets varicose veins", "other")]
    [InlineData("does ccsvi cause ms", "ccsvi ms")]
    [InlineData("what does the ms society say", "")]
    [InlineData("does it hurt", "")]
    public void Names_the_subjects_a_question_is_about(string question, string expected) =>
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), Reader.Named(TextNormalizer.Words(question)).Order());

    [Theory]
    [InlineData("my brother was diagnosed with multiple sclerosis last year", "multiple sclerosis")]
    [InlineData("i read about ccsvi and then about the ms society", "ccsvi")]
    [InlineData("he has varicose veins", "varicose veins")]
    [InlineData("i read about it in the paper", "")]
    public void The_last_name_is_the_words_of_the_last_subject_named(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', Reader.LastName(TextNormalizer.Words(text))));
}
