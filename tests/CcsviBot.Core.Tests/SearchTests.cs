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
    private readonly FaqAnalyzer textAnalyzer = new();

    public void Dispose()
    {
        knowledgeBase.Dispose();
        textAnalyzer.Dispose();
    }

    private LuceneFaqIndex Index(IReadOnlyList<FaqEntry> entries, int inMemoryLimit = LuceneFaqIndexBuilder.DefaultInMemoryLimit) =>
        new LuceneFaqIndexBuilder(inMemoryLimit: inMemoryLimit).Build(entries, textAnalyzer);

    private QueryAnalyzer Analyzer(IReadOnlyList<FaqEntry> entries, SynonymMap synonyms) => new(SpellingDictionary.Of(entries), synonyms, textAnalyzer);

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
    public void The_query_is_one_nested_clause_per_known_concept_with_a_phrase_per_multi_word_form()
    {
        FaqEntry[] entries = [Entry("a", "liberation therapy", "x")];
        using var index = Index(entries);
        var query = new AnalyzedQuery(
        [
            new QueryTerm("liberation therapy", ["venoplasty", "liberation therapy venoplasty"]) { Stems = [["liber", "therapi"], ["venoplasti"], ["liber", "therapi", "venoplasti"]] },
            new QueryTerm("ms", []) { Stems = [["ms"]] },
            new QueryTerm("nowhere", []) { Known = false, Stems = [["nowher"]] },
        ]);

        var built = Assert.IsType<Lucene.Net.Search.BooleanQuery>(index.ToQuery(query));

        // Unknown concepts and a phrase holding a single-word form ("... venoplasty") are left out; 3 fields per form.
        Assert.Equal(2, built.Clauses.Count);
        var concept = Assert.IsType<Lucene.Net.Search.BooleanQuery>(built.Clauses[0].Query);
        Assert.Equal(6, concept.Clauses.Count);
        Assert.Equal("question:\"liber therapi\"^10.0", concept.Clauses[0].Query.ToString());
        Assert.Null(index.ToQuery(new AnalyzedQuery([query.Terms[2]])));
    }

    [Fact]
    public void A_phrase_never_spans_two_alternates()
    {
        FaqEntry[] entries =
        [
            Entry("apart", "question one", "nothing", "about liberation", "therapy costs"),
            Entry("together", "question two", "nothing", "does liberation therapy work"),
        ];
        using var index = Index(entries);
        var query = Analyzer(entries, new SynonymMap([["liberation therapy", "venoplasty"]])).Analyze("liberation therapy");

        Assert.Equal(["together"], index.Candidates(query, 10).Select(e => e.Id));
    }

    [Fact]
    public void A_small_index_finds_from_its_held_postings_the_entries_a_lucene_search_matches()
    {
        // The real FAQ, read by the real engine, asked every evaluation and calibration question: the candidates from the
        // postings held in memory are the documents the Lucene search matches (only their order may differ).
        var content = FaqLoader.Load(TestPaths.RealFaq).Content!;
        using var built = KnowledgeBaseFactory.Default.Build(content, new AnsweringOptions(), 1);
        using var index = Index(content.Entries);
        var questions = new[] { TestPaths.RealEvalQuestions, Path.Combine(TestPaths.RealFaq, "eval", "real-questions.tsv"), Path.Combine(TestPaths.RepositoryRoot, "tests", "CcsviBot.Benchmarks", "Calibration", "dev-questions.tsv") }
            .SelectMany(path => File.ReadLines(path).Skip(1).Select(line => line.Split('\t')[0]))
            .Concat(content.Entries.SelectMany(e => e.Alternates.Prepend(e.Question)))
            .ToList();
        Assert.True(content.Entries.Count <= 40 && questions.Count > 3000);

        var compared = 0;
        foreach (var question in questions)
        {
            var query = built.AnswerEngine.Analyze(question);
            var held = index.Candidates(query, 40).Select(e => e.Id).Order(StringComparer.Ordinal);
            var searched = index.Search(query, 40).Select(e => e.Id).Order(StringComparer.Ordinal);
            Assert.True(held.SequenceEqual(searched), question);
            compared += query.Terms.Any(t => t.Stems.Any(s => s.Length > 1)) ? 1 : 0;
        }

        Assert.True(compared > 10, "some questions search a phrase");
    }

    [Fact]
    public void A_large_index_lives_in_a_temporary_folder_deleted_on_dispose()
    {
        FaqEntry[] entries = [Entry("a", "what is ccsvi", "veins"), Entry("b", "what is ms", "nerves")];
        static string[] Folders() => Directory.GetDirectories(Path.GetTempPath(), "ccsvibot-index-*");
        var before = Folders();

        var index = Index(entries, inMemoryLimit: 1);
        var created = Folders().Except(before).ToList();
        var found = index.Candidates(Analyzer(entries, SynonymMap.Empty).Analyze("ccsvi"), 5);
        index.Dispose();

        Assert.Single(created);
        Assert.Equal(["a"], found.Select(e => e.Id));
        Assert.False(Directory.Exists(created[0]));
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
        var engine = knowledgeBase.AnswerEngine;

        var term = Assert.Single(engine.Analyze("ballooning").Terms);
        Assert.Contains("liberation therapy", term.Alternatives);
        Assert.Equal("liberation-therapy", engine.Search("ballooning", 1)[0].Entry.Id);
        Assert.Equal("what-is-ccsvi", engine.Search("chronic cerebrospinal venous insufficiency", 1)[0].Entry.Id);
    }

    [Fact]
    public void Typos_are_corrected_against_the_index_vocabulary()
    {
        var engine = knowledgeBase.AnswerEngine;

        var terms = engine.Analyze("neurolgist medicaton").Terms;

        Assert.Equal(["neurologist", "medication"], terms.Select(t => t.Text));
        Assert.Equal("neurolgist", terms[0].Original);
        Assert.Equal("ms-medication", engine.Search("medicaton", 1)[0].Entry.Id);
    }

    [Fact]
    public void A_mid_length_word_two_edits_off_in_its_ending_is_corrected()
    {
        var engine = knowledgeBase.AnswerEngine;

        Assert.Equal(["multiple", "therapy"], engine.Analyze("multipal theraphy").Terms.Select(t => t.Text));
    }

    [Fact]
    public void Acronyms_typed_in_capitals_are_not_corrected_but_shouting_is()
    {
        var engine = knowledgeBase.AnswerEngine;

        Assert.Equal("copd", Assert.Single(engine.Analyze("what about COPD").Terms).Text);
        Assert.Equal("cord", Assert.Single(engine.Analyze("what about copd").Terms).Text);
        Assert.Equal("cord", Assert.Single(engine.Analyze("WHAT ABOUT COPD").Terms).Text);
    }

    [Fact]
    public void Real_words_the_faq_lacks_are_not_corrected_into_other_words()
    {
        var engine = knowledgeBase.AnswerEngine;

        var term = Assert.Single(engine.Analyze("gout").Terms);

        Assert.Equal("gout", term.Text);
        Assert.False(term.Known);
    }

    [Fact]
    public void A_short_unknown_word_is_kept_as_a_topic_but_fragments_are_dropped()
    {
        var engine = knowledgeBase.AnswerEngine;

        var flu = Assert.Single(engine.Analyze("is flu contagious").Terms, t => t.Text == "flu");

        Assert.False(flu.Known);
        Assert.DoesNotContain(engine.Analyze("b4 ccsvi").Terms, t => t.Text == "b4");
    }

    [Fact]
    public void The_index_returns_every_match_when_they_fit_and_ranks_questions_above_answers_when_they_do_not()
    {
        // Five entries mention "zebra" only in the answer, one in its question; two more never mention it.
        var entries = Enumerable.Range(1, 5)
            .Select(i => Entry($"answer-{i}", $"question number {i}", $"the zebra is mentioned here, in answer {i}"))
            .Append(Entry("in-question", "what does a zebra eat", "grass, mostly"))
            .Append(Entry("unrelated-1", "what is a horse", "an animal"))
            .Append(Entry("unrelated-2", "what is a donkey", "another animal"))
            .ToList();
        using var index = Index(entries);
        var query = Analyzer(entries, SynonymMap.Empty).Analyze("zebra");

        var all = index.Candidates(query, 10).Select(e => e.Id).Order().ToList();
        var best = index.Candidates(query, 2).Select(e => e.Id).ToList();

        Assert.Equal(["answer-1", "answer-2", "answer-3", "answer-4", "answer-5", "in-question"], all);
        Assert.Equal(2, best.Count);
        Assert.Contains("in-question", best);
        Assert.Equal(6, index.Candidates(query, 6).Count);
    }

    [Fact]
    public void On_equal_scores_the_words_themselves_beat_related_forms()
    {
        // With full credit for related forms, "what is CcsviBot" covers "what is ccsvi" as well as "What is CCSVI?" does;
        // it comes first in the FAQ, so only the tie-break puts the exact words first.
        var entries = new List<FaqEntry> { Entry("bot", "What is CcsviBot?", "a service"), Entry("condition", "What is CCSVI?", "a service") };
        using var index = Index(entries);
        var query = Analyzer(entries, SynonymMap.Empty).Analyze("what is ccsvi");

        var ranked = new EntryMatcher(entries, textAnalyzer).Rank(query, entries, MatchWeights.Default with { SoftCredit = 1 }, PhrasingClassifier.None);

        Assert.Equal(ranked[0].Score, ranked[1].Score);
        Assert.Equal(["condition", "bot"], ranked.Select(m => m.Entry.Id));
    }

    [Fact]
    public void Affinity_favours_the_entry_whose_phrasings_keep_using_the_query_words()
    {
        // Both entries have a phrasing with "veins"; only one keeps coming back to them, as visitors' phrasings do.
        var entries = new List<FaqEntry>
        {
            Entry("symptoms", "What are the symptoms of narrow veins?", "a list", "ccsvi signs", "what would I notice"),
            Entry("veins", "Which veins are involved?", "the neck", "neck veins", "jugular veins", "veins in ccsvi"),
        };
        using var index = Index(entries);
        var query = Analyzer(entries, SynonymMap.Empty).Analyze("veins");
        var matcher = new EntryMatcher(entries, textAnalyzer);

        var ranked = matcher.Rank(query, entries, MatchWeights.Default with { Affinity = 1 }, PhrasingClassifier.None);
        var withoutAffinity = matcher.Rank(query, entries, MatchWeights.Default with { Affinity = 0 }, PhrasingClassifier.None);

        Assert.Equal("veins", ranked[0].Entry.Id);
        Assert.Equal(1, ranked.Sum(m => m.Affinity), precision: 9);
        Assert.True(ranked[0].Affinity > 0.5, $"affinity {ranked[0].Affinity}");
        static double Lead(IReadOnlyList<MatchScore> scores) => scores.Single(m => m.Entry.Id == "veins").Score - scores.Single(m => m.Entry.Id == "symptoms").Score;
        Assert.Equal(ranked[0].Affinity - ranked[1].Affinity, Lead(ranked) - Lead(withoutAffinity), precision: 9);
    }

    [Fact]
    public void The_phrasing_classifier_learns_which_words_tell_the_entries_apart_and_reads_a_synonym_group_as_one_word()
    {
        FaqEntry[] entries =
        [
            Entry("symptoms", "What are the symptoms of CCSVI?", "a list", "ccsvi signs", "what would I notice with ccsvi", "does ccsvi cause fatigue"),
            Entry("veins", "Which veins are involved in CCSVI?", "the neck", "neck veins in ccsvi", "jugular veins", "is the azygos vein involved"),
        ];
        IReadOnlyList<IReadOnlyList<string>> groups = [["ccsvi", "chronic cerebrospinal venous insufficiency"]];
        var synonyms = new SynonymMap(groups);
        var classifier = PhrasingClassifier.Train(entries, groups, textAnalyzer);
        var analyzer = Analyzer(entries, synonyms);
        double[] Shares(string question)
        {
            var shares = new double[entries.Length];
            classifier.Shares(analyzer.Analyze(question), entries, shares);
            return shares;
        }

        var jugular = Shares("jugular");
        var signs = Shares("ccsvi signs");

        Assert.True(jugular[1] > 0.7, $"veins {jugular[1]}");
        Assert.True(signs[0] > 0.7, $"symptoms {signs[0]}");
        Assert.Equal(1, jugular.Sum(), precision: 9);
        Assert.Equal(signs, Shares("chronic cerebrospinal venous insufficiency signs"));
        // The same phrasings always train the same model, and a trained model answers many threads at once.
        var again = new double[entries.Length];
        PhrasingClassifier.Train(entries, groups, textAnalyzer).Shares(analyzer.Analyze("jugular"), entries, again);
        Assert.Equal(jugular, again);
        var parallel = new System.Collections.Concurrent.ConcurrentBag<double[]>();
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel.Add(Shares(i % 2 == 0 ? "jugular" : "ccsvi signs")));
        Assert.All(parallel, shares => Assert.True(shares.SequenceEqual(jugular) || shares.SequenceEqual(signs)));
    }

    [Fact]
    public void A_reload_reuses_the_classifier_while_ids_phrasings_and_synonyms_stay_the_same()
    {
        FaqEntry[] entries = [Entry("symptoms", "What are the symptoms?", "a list", "ccsvi signs"), Entry("veins", "Which veins?", "the neck", "jugular veins")];
        IReadOnlyList<IReadOnlyList<string>> groups = [["ccsvi", "chronic cerebrospinal venous insufficiency"]];
        var live = PhrasingClassifier.Train(entries, groups, textAnalyzer);

        // Edited answers (new entry objects) keep the model; any change to what it learns from trains a new one.
        Assert.Same(live, PhrasingClassifier.Train([entries[0] with { Answer = "a longer list" }, entries[1] with { Answer = "the neck and chest" }], groups, textAnalyzer, live));
        Assert.NotSame(live, PhrasingClassifier.Train([entries[0] with { Alternates = ["ccsvi signs", "what would I notice"] }, entries[1]], groups, textAnalyzer, live));
        Assert.NotSame(live, PhrasingClassifier.Train([entries[0] with { Id = "signs" }, entries[1]], groups, textAnalyzer, live));
        Assert.NotSame(live, PhrasingClassifier.Train([entries[1], entries[0]], groups, textAnalyzer, live));
        Assert.NotSame(live, PhrasingClassifier.Train(entries, [["ccsvi", "venous insufficiency"]], textAnalyzer, live));
        // Moving a word from the question into an alternate is a change, though the words are the same.
        Assert.NotSame(live, PhrasingClassifier.Train([entries[0] with { Question = "What are the", Alternates = ["symptoms? ccsvi signs"] }, entries[1]], groups, textAnalyzer, live));

        using var first = KnowledgeBaseFactory.Default.Build(TestPaths.LoadFixture(), new AnsweringOptions(), 1);
        using var second = KnowledgeBaseFactory.Default.Build(TestPaths.LoadFixture(), new AnsweringOptions(), 2, previous: first);
        Assert.NotSame(PhrasingClassifier.None, first.AnswerEngine.Classifier);
        Assert.Same(first.AnswerEngine.Classifier, second.AnswerEngine.Classifier);
    }

    [Fact]
    public void Without_a_trained_classifier_the_affinity_stands_in_for_the_preference()
    {
        // A corpus of thousands of entries, one phrasing each, has nothing to learn from and would take seconds to train.
        var many = Enumerable.Range(0, PhrasingClassifier.MaxEntries + 1).Select(i => Entry($"e{i}", $"question number {i}", "an answer")).ToList();
        Assert.False(PhrasingClassifier.Train(many, [], textAnalyzer).IsTrained);
        Assert.True(PhrasingClassifier.Train(many.Take(2).ToList(), [], textAnalyzer).IsTrained);

        var entries = new List<FaqEntry>
        {
            Entry("symptoms", "What are the symptoms of narrow veins?", "a list", "ccsvi signs"),
            Entry("veins", "Which veins are involved?", "the neck", "neck veins", "jugular veins"),
        };
        var ranked = new EntryMatcher(entries, textAnalyzer).Rank(Analyzer(entries, SynonymMap.Empty).Analyze("veins"), entries, MatchWeights.Default, PhrasingClassifier.None);

        Assert.All(ranked, m => Assert.Equal(m.Affinity, m.Preference));
        Assert.True(ranked[0].Preference > ranked[1].Preference);
    }

    [Fact]
    public void Scope_lift_weighs_words_by_how_the_faq_phrasings_use_them_against_the_out_of_scope_examples()
    {
        FaqEntry[] entries =
        [
            Entry("what-is-ccsvi", "What is CCSVI?", "About narrowed veins.", "ccsvi meaning", "explain ccsvi"),
            Entry("ccsvi-risks", "Is CCSVI treatment risky?", "About risks.", "ccsvi dangers"),
        ];
        string[] examples = ["ocrevus dose", "how much ocrevus should i take", "what is lupus"];
        var profile = new ScopeProfile(entries, examples, textAnalyzer);
        var analyzer = Analyzer(entries, SynonymMap.Empty);

        var onTopic = profile.Lift(analyzer.Analyze("ccsvi"));
        var offTopic = profile.Lift(analyzer.Analyze("ocrevus"));
        var mixed = profile.Lift(analyzer.Analyze("ccsvi ocrevus pizza"));

        // "ccsvi": 5 of 5 phrasings, 0 of 3 examples; "ocrevus": 0 of 5, 2 of 3; "pizza" neither, so left out.
        Assert.Equal(Math.Log(5.5 / 6) - Math.Log(0.5 / 4), onTopic.Mean, precision: 9);
        Assert.Equal(Math.Log(0.5 / 6) - Math.Log(2.5 / 4), offTopic.Mean, precision: 9);
        Assert.Equal((onTopic.Mean + offTopic.Mean) / 2, mixed.Mean, precision: 9);
        Assert.Equal(offTopic.Mean, mixed.Lowest, precision: 9);
        Assert.Equal(onTopic.Mean, mixed.Highest, precision: 9);
        Assert.Equal(default, profile.Lift(analyzer.Analyze("pizza")));
        Assert.Equal(default, new ScopeProfile(entries, [], textAnalyzer).Lift(analyzer.Analyze("ccsvi")));
    }

    private static FaqEntry Entry(string id, string question, string answer, params string[] alternates) =>
        new() { Id = id, Question = question, Answer = answer, Alternates = alternates };

    [Fact]
    public void Searches_run_in_parallel_and_dispose_waits_for_them()
    {
        var content = TestPaths.LoadFixture();
        var index = Index(content.Entries);
        var analyzer = Analyzer(content.Entries, SynonymMap.Empty);
        var query = analyzer.Analyze("liberation therapy");

        var results = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            results.Add(index.Candidates(query, 3).Count);
            if (i == 100)
            {
                index.Dispose();
            }
        });

        Assert.Equal(200, results.Count);
        Assert.Contains(results, count => count > 0);
        Assert.Empty(index.Candidates(query, 3));
        index.Dispose();
    }
}
