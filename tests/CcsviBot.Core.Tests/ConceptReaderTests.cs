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
}
