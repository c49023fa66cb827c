using CcsviBot.Core.Text;

namespace CcsviBot.Core.Tests;

public class TextTests
{
    [Theory]
    [InlineData("What IS  CCSVI?!", "what is ccsvi")]
    [InlineData("Névrite — café\u0000\u0007 crème", "nevrite cafe creme")]
    [InlineData("Zamboni's study 🧠🔥 2009", "zamboni study 2009")]
    [InlineData("\"ccsvi\" AND (ms OR NEAR) * ^x", "ccsvi and ms or near x")]
    [InlineData("don't", "dont")]
    [InlineData("ＦＵＬＬ ｗｉｄｔｈ", "full width")]
    [InlineData("", "")]
    public void Normalize_lowercases_and_strips_diacritics_punctuation_control_characters_and_emoji(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void The_indexing_chain_remembers_stems_and_gives_the_same_tokens_and_positions_as_the_plain_chain()
    {
        const string text = "Zamboni's AIDS news: don't ' ’s ballooning Névrite ＦＵＬＬ ﬁxing 2009 it's ccsvi's CCSVI veins \u0301x running runs";
        static List<(string Term, int Increment)> Tokens(Lucene.Net.Analysis.Analyzer analyzer, string text)
        {
            var tokens = new List<(string, int)>();
            using var stream = analyzer.GetTokenStream("answer", text);
            var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add((term.ToString(), increment.PositionIncrement));
            }

            stream.End();
            return tokens;
        }

        using var plain = new FaqAnalyzer();
        using var indexing = FaqAnalyzer.ForIndexing();

        var expected = Tokens(plain, text);
        Assert.Contains(("aids", 1), expected);
        Assert.Equal(expected, Tokens(indexing, text));
        Assert.Equal(expected, Tokens(indexing, text)); // the second time from the remembered stems
    }

    [Fact]
    public void Normalize_survives_lone_surrogates() =>
        Assert.Equal("a b", TextNormalizer.Normalize("a\uD800b".Replace("\uD800", " \uD800 ", StringComparison.Ordinal)));

    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("hopping", "hop")]
    [InlineData("relational", "relat")]
    [InlineData("affected", "affect")]
    [InlineData("affects", "affect")]
    [InlineData("causes", "caus")]
    [InlineData("cause", "caus")]
    [InlineData("generalization", "gener")]
    [InlineData("ms", "ms")]
    [InlineData("aids", "aids")]
    public void The_analyzer_stems_like_the_classic_Porter_algorithm_except_protected_words(string word, string stem)
    {
        using var analyzer = new FaqAnalyzer();

        Assert.Equal(stem, analyzer.Stem(word));
    }

    [Theory]
    [InlineData("What IS  CCSVI?!")]
    [InlineData("Névrite — café\u0000\u0007 crème")]
    [InlineData("Zamboni's study 🧠🔥 2009; don't")]
    [InlineData("ＦＵＬＬ ｗｉｄｔｈ ﬁbrosis clinicaltrials.gov 3.5")]
    [InlineData("Ne\u0301vrite \u2019quoted\u2019 it\u2019s")]
    public void The_analyzer_reads_raw_text_as_it_reads_the_normal_form(string text)
    {
        using var analyzer = new FaqAnalyzer();

        Assert.Equal(TextNormalizer.Words(text).Select(analyzer.Stem), analyzer.Stems(text));
    }

    [Fact]
    public void The_analyzer_reads_every_faq_text_as_it_reads_the_normal_form()
    {
        using var analyzer = new FaqAnalyzer();
        var content = Faq.FaqLoader.Load(TestPaths.RealFaq).Content!;
        var texts = content.Entries.SelectMany(e => e.Alternates.Append(e.Question).Append(e.Answer)).Concat(content.OutOfScopeExamples);

        Assert.All(texts, text => Assert.Equal(TextNormalizer.Words(text).Select(analyzer.Stem), analyzer.Stems(text)));
    }

    [Fact]
    public void Synonym_map_matches_the_longest_multi_word_term_first()
    {
        var map = new SynonymMap([["ms", "multiple sclerosis"], ["ms medication", "dmt"]]);
        var words = "is ms medication safe".Split(' ');

        var (span, terms) = map.MatchAt(words, 1);

        Assert.Equal(2, span);
        Assert.Equal(["ms medication", "dmt"], terms);
        var (longSpan, longTerms) = map.MatchAt("multiple sclerosis".Split(' '), 0);
        Assert.Equal(2, longSpan);
        Assert.Equal(["multiple sclerosis", "ms"], longTerms);
        Assert.Equal(0, map.MatchAt(words, 0).WordCount);
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ccsvi", "ccvsi", 1)]
    [InlineData("zamboni", "zambonni", 1)]
    [InlineData("abc", "abc", 0)]
    public void Edit_distance_counts_transpositions_as_one_edit(string a, string b, int expected) =>
        Assert.Equal(expected, EditDistance.Bounded(a, b, 5));

    [Fact]
    public void Spelling_dictionary_finds_words_within_two_edits_nearest_then_most_frequent()
    {
        var dictionary = new SpellingDictionary([("insufficiency", 5), ("cerebrospinal", 3), ("venous", 9), ("venus", 1), ("sclerosis", 4)]);

        Assert.Equal(["insufficiency"], dictionary.Similar("insufficency", 2));
        Assert.Equal(["sclerosis"], dictionary.Similar("sclerosys", 2));
        Assert.Equal(["venous", "venus"], dictionary.Similar("venos", 1));
        Assert.Empty(dictionary.Similar("liver", 2));
        Assert.True(dictionary.Contains("venous"));
        Assert.False(dictionary.Contains("veno"));
    }
}
