using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Search;
using CcsviBot.Core.Text;
using FsCheck;
using FsCheck.Fluent;

namespace CcsviBot.Core.Tests;

public sealed class SearchTests : IDisposable
{
    private readonly KnowledgeBase knowledgeBase = TestPaths.BuildFixture();

    public void Dispose() => knowledgeBase.Dispose();

    public static TheoryData<string> HostileInputs() =>
    [
        "", " ", "\"", "\"\"\"", "ccsvi\" OR \"x", "AND", "OR OR OR", "NEAR(ccsvi ms, 2)", "ccsvi*", "^ccsvi", "(((", ")",
        "question:ccsvi", "{alternates}: x", "- ccsvi", "+ccsvi", "ccsvi NOT ms", "🧠🩸💉", "\u0000\u0001\u001f\u007f", "\uD800", "\uDC00x",
        "' OR 1=1; DROP TABLE faq; --", new string('a', 10_000), string.Join(' ', Enumerable.Repeat("ccsvi", 2_000)), "ß ǅ ﬁ İ", "中文 問題",
    ];

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Any_text_is_safe_to_ask_and_search(string text)
    {
        var reply = knowledgeBase.Engine.Ask(text);
        knowledgeBase.Engine.Search(text, 10);

        Assert.False(string.IsNullOrWhiteSpace(reply.Disclaimer));
    }

    [Fact]
    public void Property_any_string_never_throws()
    {
        Prop.ForAll<string>(text =>
        {
            knowledgeBase.Engine.Search(text ?? string.Empty, 5);
            return knowledgeBase.Engine.Ask(text ?? string.Empty).Disclaimer.Length > 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Match_expressions_quote_every_term()
    {
        var query = new AnalyzedQuery([new QueryTerm("liberation therapy", ["venoplasty"]), new QueryTerm("ms", []), new QueryTerm("nowhere", []) { Known = false }]);

        Assert.Equal("(\"liberation therapy\" OR \"venoplasty\") OR (\"ms\")", SqliteFtsIndex.ToMatchExpression(query));
    }

    [Fact]
    public void Stemming_matches_other_word_forms()
    {
        var hits = knowledgeBase.Engine.Search("stopping medications", 3);

        Assert.Equal("ms-medication", hits[0].Entry.Id);
    }

    [Fact]
    public void Synonyms_expand_including_multi_word_terms()
    {
        var engine = (AnswerEngine)knowledgeBase.Engine;

        var term = Assert.Single(engine.Analyze("ballooning").Terms);
        Assert.Contains("liberation therapy", term.Alternatives);
        Assert.Equal("liberation-therapy", engine.Search("ballooning", 1)[0].Entry.Id);
        Assert.Equal("what-is-ccsvi", engine.Search("chronic cerebrospinal venous insufficiency", 1)[0].Entry.Id);
    }

    [Fact]
    public void Typos_are_corrected_against_the_index_vocabulary()
    {
        var engine = (AnswerEngine)knowledgeBase.Engine;

        var terms = engine.Analyze("neurolgist medicaton").Terms;

        Assert.Equal(["neurologist", "medication"], terms.Select(t => t.Text));
        Assert.Equal("neurolgist", terms[0].Original);
        Assert.Equal("ms-medication", engine.Search("medicaton", 1)[0].Entry.Id);
    }

    [Fact]
    public void A_mid_length_word_two_edits_off_in_its_ending_is_corrected()
    {
        var engine = (AnswerEngine)knowledgeBase.Engine;

        Assert.Equal(["multiple", "therapy"], engine.Analyze("multipal theraphy").Terms.Select(t => t.Text));
    }

    [Fact]
    public void Acronyms_typed_in_capitals_are_not_corrected_but_shouting_is()
    {
        var engine = (AnswerEngine)knowledgeBase.Engine;

        Assert.Equal("copd", Assert.Single(engine.Analyze("what about COPD").Terms).Text);
        Assert.Equal("cord", Assert.Single(engine.Analyze("what about copd").Terms).Text);
        Assert.Equal("cord", Assert.Single(engine.Analyze("WHAT ABOUT COPD").Terms).Text);
    }

    [Fact]
    public void Real_words_the_faq_lacks_are_not_corrected_into_other_words()
    {
        var engine = (AnswerEngine)knowledgeBase.Engine;

        var term = Assert.Single(engine.Analyze("gout").Terms);

        Assert.Equal("gout", term.Text);
        Assert.False(term.Known);
    }

    [Fact]
    public void A_short_unknown_word_is_kept_as_a_topic_but_fragments_are_dropped()
    {
        var engine = (AnswerEngine)knowledgeBase.Engine;

        var flu = Assert.Single(engine.Analyze("is flu contagious").Terms, t => t.Text == "flu");

        Assert.False(flu.Known);
        Assert.DoesNotContain(engine.Analyze("b4 ccsvi").Terms, t => t.Text == "b4");
    }

    [Fact]
    public void Searches_run_in_parallel_and_dispose_waits_for_them()
    {
        var content = TestPaths.LoadFixture();
        var index = SqliteFtsIndex.Build(content.Entries);
        var analyzer = new QueryAnalyzer(index, SynonymMap.Empty);
        var query = analyzer.Analyze("liberation therapy");

        var results = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            results.Add(index.Search(query, 3).Count);
            if (i == 100)
            {
                index.Dispose();
            }
        });

        Assert.Equal(200, results.Count);
        Assert.Contains(results, count => count > 0);
        Assert.Empty(index.Search(query, 3));
        index.Dispose();
    }
}
