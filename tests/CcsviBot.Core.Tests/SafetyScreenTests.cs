using CcsviBot.Core.Answering;
using CcsviBot.Core.Evaluation;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Rendering;
using CcsviBot.Core.Safety;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Tests;

/// <summary>The learned safety screen on the real FAQ: held-out floors, the two levels, long messages, one place for the numbers.</summary>
public sealed class SafetyScreenTests : IClassFixture<SafetyScreenTests.RealKnowledgeBase>
{
    private readonly RealKnowledgeBase fixture;

    public SafetyScreenTests(RealKnowledgeBase fixture) => this.fixture = fixture;

    public sealed class RealKnowledgeBase : IDisposable
    {
        public RealKnowledgeBase()
        {
            Content = FaqLoader.Load(TestPaths.RealFaq).Content!;
            KnowledgeBase = KnowledgeBaseFactory.Default.Build(Content, new AnsweringOptions(), 1);
        }

        public FaqContent Content { get; }

        public KnowledgeBase KnowledgeBase { get; }

        public void Dispose() => KnowledgeBase.Dispose();
    }

    private IAnswerEngine Engine => fixture.KnowledgeBase.Engine;

    [Fact]
    public void Held_out_urgent_lines_are_recognised_and_a_miss_still_gets_the_safety_note()
    {
        var file = Path.Combine(TestPaths.RealFaq, "eval", "urgent.tsv");
        var (examples, problems) = SafetyEvaluationSet.Parse(file, File.ReadAllText(file));
        Assert.Empty(problems);
        Assert.True(examples.Count(e => e.Label is SafetyLabel.Emergency or SafetyLabel.Crisis) >= 150);
        Assert.True(examples.Count(e => e.Label == SafetyLabel.Info) >= 150);

        var report = SafetyEvaluator.Run(Engine, examples);

        // Every urgent line of three writers the screen never learned from (480 lines; the third writer's 170 were
        // measured once, before they were added). Should a change ever miss one, the miss must at least get safety help.
        Assert.True(report.UrgentRecall >= SafetyFloors.UrgentRecall, $"urgent recall {report.UrgentRecall:P1}: " + string.Join("; ", report.Misses.Select(m => m.Example.Text)));
        Assert.All(report.Misses, miss => Assert.True(miss.GotSafetyHelp, $"'{miss.Example.Text}' got {miss.Got}"));
        Assert.InRange(report.FalseUrgentRate, 0, SafetyFloors.FalseUrgentRate);
        Assert.True(report.NoteOnInformational >= 0.9, $"note on informational {report.NoteOnInformational:P1}");
    }

    [Fact]
    public void Held_out_lines_are_not_training_examples_and_come_from_other_writers()
    {
        var file = Path.Combine(TestPaths.RealFaq, "eval", "urgent.tsv");
        var (held, _) = SafetyEvaluationSet.Parse(file, File.ReadAllText(file));
        var trained = fixture.Content.Safety.Examples.Select(e => TextNormalizer.Normalize(e.Text)).ToHashSet(StringComparer.Ordinal);
        var trainingWriters = fixture.Content.Safety.Examples.Select(e => e.Writer).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(held, e => trained.Contains(TextNormalizer.Normalize(e.Text)));
        Assert.DoesNotContain(held, e => trainingWriters.Contains(e.Writer));
    }

    /// <summary>
    /// An FAQ with no phrasings of its own to learn ordinary questions from (a JSON Lines corpus) relies on the built-in
    /// examples alone; "tell me" opens crisis lines there too ("tell me honestly why I should stay alive").
    /// </summary>
    [Theory]
    [InlineData("tell me about gout")]
    [InlineData("tell me about ataxia telangiectasia")]
    [InlineData("can you tell me about encephalopathy")]
    [InlineData("tell me is sialuria inherited")]
    public void Ordinary_requests_are_not_urgent_for_an_faq_without_its_own_phrasings(string message)
    {
        var content = FaqLoader.Load(TestPaths.FixtureJsonLines).Content!;
        using var knowledgeBase = KnowledgeBaseFactory.Default.Build(content with { Entries = content.Entries.Select(e => e with { Alternates = [] }).ToList() }, new AnsweringOptions(), 1);

        Assert.NotEqual(ReplyKind.Urgent, knowledgeBase.Engine.Ask(message).Kind);
    }

    [Theory]
    [InlineData("I swallowed 40 of my paracetamol an hour ago")]
    [InlineData("tonight I'm going to end it, I've written the letters")]
    [InlineData("my calf is hot and swollen and now i suddenly cant get my breath")]
    [InlineData("blood keeps coming from where the catheter went in yesterday")]
    public void Emergencies_in_everyday_words_get_the_urgent_reply_and_nothing_else(string message)
    {
        var reply = Engine.Ask(message);

        Assert.Equal(ReplyKind.Urgent, reply.Kind);
        Assert.Null(reply.Entry);
        Assert.Empty(reply.Suggestions);
    }

    [Fact]
    public void Crisis_wording_gets_the_crisis_reply_with_the_listening_services()
    {
        var reply = Engine.Ask("tonight I'm going to end it, I've written the letters");

        Assert.Contains(fixture.Content.Safety.Numbers["listening"], reply.Message);
    }

    [Theory]
    [InlineData("Right now my husband has collapsed on the kitchen floor and he won't wake up.")]
    [InlineData("Right now my husband is lying on the kitchen floor, grey and not answering me.")]
    public void An_emergency_inside_a_long_post_is_found(string emergency)
    {
        var story = string.Join(" ", Enumerable.Repeat("I was diagnosed with MS some years ago and have read a lot about CCSVI and the liberation procedure since then.", 6));
        var message = $"Hello everyone. {story} {emergency} {story}";

        Assert.True(message.Length > new AnsweringOptions().MaxQuestionLength / 2);
        Assert.Equal(ReplyKind.Urgent, Engine.Ask(message).Kind);
    }

    [Fact]
    public void The_screen_runs_before_the_length_limit_and_small_talk()
    {
        var tooLong = "hi " + new string('x', new AnsweringOptions().MaxQuestionLength) + " I took the whole packet of my sleeping pills";

        Assert.Equal(ReplyKind.Urgent, Engine.Ask(tooLong).Kind);
        Assert.Equal(ReplyKind.Urgent, Engine.Ask("thanks, bye, I've taken all my tablets").Kind);
    }

    [Fact]
    public void An_informational_question_with_danger_words_gets_its_answer_plus_the_note()
    {
        var reply = Engine.Ask("what are the risks of venoplasty, can it cause bleeding or a blood clot?");

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(fixture.Content.Safety.Notes[SafetyScreen.EmergencyRuleId], reply.SafetyNote);
        var text = MarkdownReplyRenderer.Render(reply);
        Assert.Contains(reply.SafetyNote!, text);
        Assert.True(text.IndexOf(reply.SafetyNote!, StringComparison.Ordinal) < text.IndexOf(reply.Disclaimer.Split('\n')[0].Trim('_', '*', ' ')[..20], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("what is ccsvi")]
    [InlineData("jjjjjjjjjjj")]
    [InlineData("12345")]
    [InlineData("hello")]
    public void Ordinary_messages_get_neither_the_urgent_reply_nor_the_note(string message)
    {
        var reply = Engine.Ask(message);

        Assert.NotEqual(ReplyKind.Urgent, reply.Kind);
        Assert.Null(reply.SafetyNote);
    }

    // Real visitors' out-of-scope questions are often FAQ headings worded as conditions ("What do I do if I am not
    // selected?"): a condition is not a report of something happening now. None of these is a training line.
    [Theory]
    [InlineData("What do I do if my study visit is moved to another hospital?")]
    [InlineData("Who do I call if my blue badge renewal is late?")]
    [InlineData("What happens if I miss the deadline for the trial application?")]
    [InlineData("lorem ipsum dolor sit amet")]
    public void Conditional_questions_about_everyday_matters_do_not_get_the_urgent_reply(string message)
    {
        Assert.NotEqual(ReplyKind.Urgent, Engine.Ask(message).Kind);
    }

    private const string TrialsPost = "The trials in the U.S. and the U.K. enrolled about 1.5 thousand people between them, with sites in "
        + "Canada, Italy and Poland as well. Why did the U.K. results take so long to publish when the U.S. ones came out within a "
        + "year of the last patient being treated?";

    // Read on its own, "some days the fatigue is killing me" is a crisis; in its post it is a figure of speech (reading
    // a long post's sentences alone as well took this post for urgent).
    private const string WorriedPost = "Hi all, sorry for the long post. I was diagnosed with relapsing remitting MS two years ago and "
        + "some days the fatigue is killing me. I keep reading about the liberation procedure abroad and I am scared of wasting our "
        + "savings on it. My neurologist says the trials found nothing. Has anyone here had it done, and did it last?";

    [Theory]
    [InlineData(TrialsPost)]
    [InlineData(WorriedPost)]
    public void A_long_ordinary_post_is_read_whole_and_is_not_urgent(string post) =>
        Assert.NotEqual(ReplyKind.Urgent, Engine.Ask(post).Kind);

    [Fact]
    public void An_overdose_told_after_a_long_ordinary_post_is_urgent() =>
        Assert.Equal(ReplyKind.Urgent, Engine.Ask(TrialsPost + " Anyway. An hour ago I swallowed forty of my sleeping tablets with vodka.").Kind);

    [Fact]
    public void The_numbers_are_written_once_and_filled_into_every_safety_text()
    {
        var emergency = fixture.Content.Safety.EmergencyNumbers;
        Assert.False(string.IsNullOrWhiteSpace(emergency));
        Assert.All(fixture.Content.SafetyRules, rule => Assert.Contains(emergency, rule.Reply));
        Assert.All(fixture.Content.Safety.Notes.Values, note => Assert.Contains(emergency, note));
        Assert.DoesNotContain(fixture.Content.SafetyRules, rule => rule.Reply.Contains('{', StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_number_placeholder_is_a_located_error()
    {
        var diagnostics = new List<FaqDiagnostic>();
        var filled = SafetyContentReader.FillNumbers("call {emergncy} now", new Dictionary<string, string> { ["emergency"] = "112" }, "safety.yaml", 7, diagnostics);

        Assert.Equal("call {emergncy} now", filled);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(7, diagnostic.Line);
    }

    [Fact]
    public void A_malformed_example_line_is_a_located_error_and_the_rest_load()
    {
        var diagnostics = new List<FaqDiagnostic>();
        var examples = SafetyContentReader.ReadExamples("safety-examples.tsv", "# comment\nmy chest hurts\temergency\tchest-pain\tw1\nbroken line\nfine\tordinary\tother\tw1\nx\tpanic\tother\tw1\n", diagnostics);

        Assert.Equal(2, examples.Count);
        Assert.Equal([3, 5], diagnostics.Select(d => d.Line));
    }

    [Fact]
    public void The_learned_screen_is_the_same_for_the_same_content()
    {
        using var analyzer = new FaqAnalyzer();
        var first = SafetyScreen.TrainClassifier(fixture.Content, analyzer);
        var second = SafetyScreen.TrainClassifier(fixture.Content, analyzer);
        var words = TextNormalizer.Words("my dad swallowed a lot of his pills");

        Assert.Equal(first.Score(words), second.Score(words));
    }

    [Fact]
    public void Every_real_urgent_message_in_both_parts_gets_the_urgent_reply()
    {
        // Copied verbatim from public pages (faq/eval/real-questions.tsv). One of them, a reflective post about how
        // "some people who have MS can succumb to the symptoms and end it all", reads as informational to the learned
        // screen and got only the note until a crisis phrase in a long post told of the writer's own life stood.
        var urgent = EvaluationSet.Parse(File.ReadLines(Path.Combine(TestPaths.RealFaq, "eval", "real-questions.tsv")))
            .Cases.Where(c => c.ExpectsUrgent).ToList();

        Assert.True(urgent.Count >= 10);
        Assert.All(urgent, c => Assert.Equal(ReplyKind.Urgent, Engine.Ask(c.Question).Kind));
    }

    [Fact]
    public void A_crisis_phrase_in_a_long_post_about_the_writer_stands_against_an_informational_reading()
    {
        var crisis = Assert.Single(fixture.Content.SafetyRules, r => r.Id == SafetyScreen.CrisisRuleId);
        var emergency = Assert.Single(fixture.Content.SafetyRules, r => r.Id == SafetyScreen.EmergencyRuleId);
        var informational = new SituationScores(0.01, 0.02, 0.84, 0.13) { NamesDanger = true };
        var ownStory = informational with { TellsOwnStory = true };

        Assert.True(SafetyScreen.IsUrgent([crisis], ownStory, 0.06));
        Assert.False(SafetyScreen.IsUrgent([crisis], informational, 0.06));
        // "After my venoplasty in 2012 my neck swelled a bit…, was that a haematoma?": a medical phrase in the writer's
        // own past keeps its informational reading, but not when a crisis phrase is in the post too.
        Assert.False(SafetyScreen.IsUrgent([emergency], ownStory, 0.06));
        Assert.True(SafetyScreen.IsUrgent([emergency, crisis], ownStory, 0.06));
    }

    [Theory]
    [InlineData("I used to be the cheerful one and my family relied on me, but these days I sit at the window and say little. I have read a lot about how long people live with MS and about the CCSVI treatment some of my friends had abroad, and what the trials found in the end.", true)]
    [InlineData("She used to be the cheerful one and her family relied on her, but these days she sits at the window and says little. She has read a lot about how long people live with MS and about the CCSVI treatment some of her friends had abroad, and what the trials found in the end.", false)]
    [InlineData("I used to be the cheerful one and my family relied on me. Now I sit at the window.", false)]
    public void A_long_post_with_the_writer_in_it_three_times_tells_their_own_story(string text, bool expected)
    {
        using var analyzer = new FaqAnalyzer();
        var reader = new SituationReader(fixture.Content.Safety.Situations, analyzer);

        Assert.Equal(expected, reader.TellsOwnStory(TextNormalizer.Words(text)));
    }

    [Theory]
    [InlineData("How long will it take before I see positive results?", false)]
    [InlineData("What information can be found in my health record?", false)]
    [InlineData("I took 40 paracetamol an hour ago", true)]
    [InlineData("I'm done. I have a plan.", true)]
    [InlineData("there is blood all over the floor", true)]
    public void Only_a_situation_word_in_its_danger_sense_names_a_danger(string text, bool expected)
    {
        using var analyzer = new FaqAnalyzer();
        var reader = new SituationReader(fixture.Content.Safety.Situations, analyzer, fixture.Content.Safety.Everyday);
        var withoutEveryday = new SituationReader(fixture.Content.Safety.Situations, analyzer);

        Assert.Equal(expected, reader.NamesDanger(reader.Stems(TextNormalizer.Words(text))));
        // Every one of them names a situation word: the everyday list is what tells them apart.
        Assert.True(withoutEveryday.NamesDanger(withoutEveryday.Stems(TextNormalizer.Words(text))));
    }

    [Fact]
    public void One_known_word_among_unknown_ones_is_no_evidence()
    {
        using var analyzer = new FaqAnalyzer();
        var reader = new SituationReader([], analyzer);
        (string[], SafetyLabel) Example(string text, SafetyLabel label) => (TextNormalizer.Words(text), label);
        var classifier = SituationClassifier.Train(reader,
        [
            Example("i sit here bleeding now", SafetyLabel.Emergency), Example("he cannot sit up now", SafetyLabel.Emergency),
            Example("what is ccsvi", SafetyLabel.Ordinary), Example("who gets ms", SafetyLabel.Ordinary),
        ]);

        // Alone, "sit" is what the examples taught; among words they never used it would decide with that full weight.
        var alone = classifier.Score(TextNormalizer.Words("sit")).Urgent;
        Assert.True(alone > 0.5, $"sit alone: {alone}");
        Assert.Equal(0, classifier.Score(TextNormalizer.Words("lorem ipsum dolor sit amet")).Urgent);
        var twoKnown = classifier.Score(TextNormalizer.Words("ipsum sit now")).Urgent;
        Assert.True(twoKnown > 0, $"two known words: {twoKnown}");
    }

    [Fact]
    public void An_everyday_word_is_everyday_by_its_stem_as_messages_are_read()
    {
        using var analyzer = new FaqAnalyzer();
        var reader = new SituationReader([new SituationConcept("swallowed", ["taking", "swallowed"]), new SituationConcept("now", ["now"], IsContext: true)], analyzer, ["take"]);

        Assert.False(reader.NamesDanger(reader.Stems(TextNormalizer.Words("I am taking it now"))));
        Assert.True(reader.NamesDanger(reader.Stems(TextNormalizer.Words("I swallowed it now"))));
    }

    [Fact]
    public void A_message_that_only_everyday_words_connect_to_danger_needs_the_stronger_evidence()
    {
        // Read by the learned screen as 10% crisis, 89% ordinary: urgent at the recall-first threshold if "be found"
        // named a danger, as it did before the everyday words.
        using var analyzer = new FaqAnalyzer();
        var options = new AnsweringOptions();
        var scores = SafetyScreen.Build(fixture.Content, analyzer, options.UrgentThreshold, options.SafetyNoteThreshold)
            .Screen("What information can be found in my health record ?").Scores;

        Assert.False(scores.NamesDanger);
        Assert.InRange(scores.Urgent, options.UrgentThreshold, 0.3);
        Assert.Equal(ReplyKind.None, Engine.Ask("What information can be found in my health record ?").Kind);
    }
}
