using System.Collections.Frozen;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Safety;

/// <summary>
/// The first check on every message, however long, before small talk, the length limit or any answer. Two screens,
/// recall first: the maintainers' phrases (precise and explainable: a match is urgent at once) and the learned
/// <see cref="SituationClassifier"/>, which recognises situations worded in ways no phrase lists. The learned screen
/// reads the whole message: it learned from long posts with the danger in the middle of a story, and reading each
/// sentence alone as well found no urgent message more and took ordinary posts for urgent (see docs/architecture.md,
/// "The safety screen"). Immutable and thread-safe.
/// </summary>
internal sealed class SafetyScreen
{
    /// <summary>The rule whose reply a learned emergency gets, and whose note a medical danger sign gets.</summary>
    public const string EmergencyRuleId = "medical-emergency";

    /// <summary>The rule whose reply (with the listening services) a learned crisis gets, and whose note a self-harm topic gets.</summary>
    public const string CrisisRuleId = "crisis";

    // A phrase match is urgent unless the learned screen reads the message as informational more likely than not
    // ("is the suicide rate higher in MS?"): then it gets its answer with the note. On the held-out writers this halved
    // false urgent on informational lines (21% to 9%) for one more missed urgent line in 1,902, which still got the note.
    // Except for a crisis phrase in a long post the writer tells of themselves: "I now have a complete understanding how
    // some people who have MS can … end it all … it is about finding a precious moment of relief … I used to be the most
    // optimistic person" read as informational (0.84) and got only the note. A medical phrase keeps the override there:
    // "After my venoplasty in 2012 my neck swelled a bit … Was that a haematoma?" tells the writer's own past.
    private const double InformationalOverride = 0.5;
    // A message that names no danger situation (no medicine, bleeding, means, breathing…, only circumstances such as
    // "what do I do" or "now") needs strong evidence: at the recall-first threshold alone, real visitors' questions
    // such as "What do I do if I am not selected?" read as urgent. On the held-out writers, 0.3 kept recall (99.7%) and
    // cut false urgent on informational lines (10.6% to 9.0% near the chosen threshold); 0.5 lost more recall. A message
    // that names a situation only by everyday words ("how long will it take before I see results") is held to it too.
    private const double NoDangerNamedThreshold = 0.3;

    private readonly (SafetyRule Rule, string[][] Phrases)[] compiled;
    private readonly SituationClassifier classifier;
    private readonly SafetyRule? emergencyRule;
    private readonly SafetyRule? crisisRule;
    private readonly IReadOnlyDictionary<string, string> notes;
    private readonly double urgentThreshold;
    private readonly double noteThreshold;
    private readonly FrozenSet<string> faqPhrasings;

    public SafetyScreen(IReadOnlyList<SafetyRule> rules, IReadOnlyDictionary<string, string> notes, SituationClassifier classifier, double urgentThreshold, double noteThreshold, IEnumerable<string>? faqPhrasings = null)
    {
        this.faqPhrasings = (faqPhrasings ?? []).Select(TextNormalizer.Normalize).Where(p => p.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(classifier);
        compiled = rules
            .Select(r => (r, r.Phrases.Select(p => PhraseMatcher.Essential(TextNormalizer.Words(p))).Where(p => p.Length > 0).ToArray()))
            .ToArray();
        emergencyRule = rules.FirstOrDefault(r => r.Id == EmergencyRuleId);
        crisisRule = rules.FirstOrDefault(r => r.Id == CrisisRuleId);
        this.notes = notes;
        this.classifier = classifier;
        this.urgentThreshold = urgentThreshold;
        this.noteThreshold = noteThreshold;
    }

    /// <summary>
    /// The screen for an FAQ: its phrase rules, and a learned screen trained on its examples and phrasings (or
    /// <paramref name="classifier"/>, already trained so, for a tool that also reads the classifier's concepts).
    /// </summary>
    public static SafetyScreen Build(FaqContent content, FaqAnalyzer analyzer, double urgentThreshold, double noteThreshold, SituationClassifier? classifier = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new SafetyScreen(content.SafetyRules, content.Safety.Notes, classifier ?? TrainClassifier(content, analyzer), urgentThreshold, noteThreshold,
            content.Entries.SelectMany(QuestionForms.OfEntry).Concat(content.SmallTalk.SelectMany(i => i.Phrases)));
    }

    /// <summary>
    /// The learned screen for an FAQ: its labelled safety examples, and every entry phrasing, out-of-scope example and
    /// small-talk phrase as an ordinary message (what the bot exists for must never read as an emergency).
    /// </summary>
    public static SituationClassifier TrainClassifier(FaqContent content, FaqAnalyzer analyzer, Func<SafetyExample, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var reader = new SituationReader(content.Safety.Situations, analyzer, content.Safety.Everyday);
        var examples = content.Safety.Examples.Where(e => include?.Invoke(e) ?? true)
            .Select(e => (TextNormalizer.Words(MessageCleaner.WithoutLetterAddress(e.Text)), e.Label))
            .Concat(content.Entries.Count > PhrasingClassifier.MaxEntries
                ? []
                : content.Entries.SelectMany(e => e.Alternates.Prepend(e.Question)).Concat(content.OutOfScopeExamples)
                    .Concat(content.SmallTalk.SelectMany(i => i.Phrases))
                    .Select(q => (TextNormalizer.Words(q), SafetyLabel.Ordinary)))
            .Where(e => e.Item1.Length > 0)
            .ToList();
        return SituationClassifier.Train(reader, examples);
    }

    public SafetyVerdict Screen(string text)
    {
        // A letter is read without its address, in training as here: in what the screen learns from, "Dr" comes mostly
        // from the FAQ's ordinary phrasings ("Dr Zamboni"), and "Dear Dr. Donohue:" made a newspaper column's letter about
        // a swollen, red leg read as ordinary.
        var words = TextNormalizer.Words(MessageCleaner.WithoutLetterAddress(text));
        var matched = PhraseRules(words);
        // The FAQ's own phrasings and small-talk phrases, asked exactly, are by the maintainers' word questions it answers
        // or greetings: the learned screen does not second-guess them (the phrase rules still do).
        var scores = classifier.IsTrained && !faqPhrasings.Contains(string.Join(' ', words)) ? Score(words) : SituationScores.None;
        if (IsUrgent(matched, scores, urgentThreshold))
        {
            var rule = StandingRule(matched, scores)
                ?? (scores.IsCrisis ? crisisRule ?? emergencyRule : emergencyRule ?? crisisRule);
            if (rule is not null)
            {
                return new SafetyVerdict(SafetyLevel.Urgent, rule, null, scores);
            }
        }

        if (scores.Alarm >= noteThreshold && notes.TryGetValue(scores.IsCrisis ? CrisisRuleId : EmergencyRuleId, out var note))
        {
            return new SafetyVerdict(SafetyLevel.Note, null, note, scores);
        }

        return SafetyVerdict.Clear with { Scores = scores };
    }

    /// <summary>
    /// The urgent decision, in one place for the screen and its calibration: a phrase match that stands (see
    /// <see cref="StandingRule"/>), or a learned urgent probability at the threshold, or at
    /// <see cref="NoDangerNamedThreshold"/> for a message that names no danger situation at all.
    /// </summary>
    public static bool IsUrgent(IReadOnlyList<SafetyRule> matched, SituationScores scores, double urgentThreshold) =>
        StandingRule(matched, scores) is not null
        || scores.Urgent >= (scores.NamesDanger ? urgentThreshold : Math.Max(urgentThreshold, NoDangerNamedThreshold));

    /// <summary>
    /// The rule whose phrase decides, or null: the first rule matched, unless the learned screen reads the message as
    /// informational more likely than not; even then the crisis rule, when its phrase is in a long post the writer tells
    /// of themselves (whichever rule matched first: "…and then I collapse… I've thought about taking my own life").
    /// </summary>
    private static SafetyRule? StandingRule(IReadOnlyList<SafetyRule> matched, SituationScores scores) =>
        matched.Count == 0 ? null
        : !(scores.Info >= InformationalOverride) ? matched[0]
        : scores.TellsOwnStory ? matched.FirstOrDefault(r => r.Id == CrisisRuleId)
        : null;

    /// <summary>The rules with a phrase in <paramref name="words"/>, in the rules' order (empty when none).</summary>
    public IReadOnlyList<SafetyRule> PhraseRules(string[] words)
    {
        List<SafetyRule>? matched = null;
        foreach (var (rule, phrases) in compiled)
        {
            foreach (var phrase in phrases)
            {
                if (PhraseMatcher.Contains(words, phrase))
                {
                    (matched ??= []).Add(rule);
                    break;
                }
            }
        }

        return matched ?? (IReadOnlyList<SafetyRule>)[];
    }

    /// <summary>The learned screen's reading of a message (for the calibration; <see cref="Screen"/> uses the same).</summary>
    internal SituationScores Score(string[] words) => classifier.Score(words);
}
