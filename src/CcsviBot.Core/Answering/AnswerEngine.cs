using System.Collections.Frozen;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Meaning;
using CcsviBot.Core.Safety;
using CcsviBot.Core.Search;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Answering;

/// <summary>
/// The decision for one message, in order: safety screen (always, even on over-long text; an urgent message gets the
/// safety reply and nothing else, a message that mentions danger signs gets its reply plus a safety note), length limit,
/// small talk, exact question match, then retrieval with a calibrated confidence → answer / clarify / none.
/// A confidently wrong answer is the worst outcome, so a close second candidate turns an answer into a clarification.
/// Immutable and thread-safe; it owns its index.
/// </summary>
public sealed class AnswerEngine : IAnswerEngine, IDisposable
{
    public const int MaxSuggestions = 3;
    public const int MaxCandidates = 3;
    // Every match of a FAQ this size (33 entries) is re-scored, so the index never needs to rank and a right entry is
    // never cut by bm25; on a 16k corpus the pool is bm25's best 40.
    private const int CandidatePool = 40;

    private readonly FaqContent content;
    private readonly IFaqIndex index;
    private readonly AnsweringOptions options;
    private readonly SafetyScreen safety;
    private readonly SmallTalkDetector smallTalk;
    private readonly QueryAnalyzer analyzer;
    private readonly EntryMatcher matcher;
    private readonly PhrasingClassifier classifier;
    private readonly ScopeProfile scope;
    private readonly Task<PhrasingMeanings>? meanings;
    private readonly ConceptReader subjects;
    private readonly ConceptReader asks;
    private readonly FrozenDictionary<string, FrozenSet<string>> asksAnswered;
    private readonly string? mainSubject;
    private readonly FrozenSet<string> partlyCoveredSubjects;
    private readonly FrozenDictionary<string, FaqEntry> entryById;
    private readonly FrozenDictionary<string, FaqEntry> entryByPhrasing;
    private readonly IReadOnlyList<FaqEntry> starters;

    public IReadOnlyList<FaqEntry> StarterQuestions => starters;

    /// <summary>With the parts built beforehand, side by side (see <see cref="KnowledgeBaseFactory"/>); the engine owns the index.</summary>
    internal AnswerEngine(FaqContent content, AnsweringOptions options, SnapshotParts parts)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parts);
        this.content = content;
        index = parts.Index;
        this.options = options;
        safety = parts.Safety;
        smallTalk = new SmallTalkDetector(content.SmallTalk);
        matcher = parts.Matcher;
        classifier = parts.Classifier;
        scope = parts.Scope;
        meanings = parts.Meanings;
        subjects = new ConceptReader(content.Subjects, new SynonymMap(content.SynonymGroups), parts.Analyzer);
        asks = new ConceptReader(content.Asks, new SynonymMap(content.SynonymGroups), parts.Analyzer);
        asksAnswered = AsksAnswered(content.Entries, asks);
        mainSubject = content.Subjects.Count > 0 ? content.Subjects[0].Id : null;
        partlyCoveredSubjects = content.Subjects.Where(s => s.Declined is not null).Select(s => s.Id).ToFrozenSet(StringComparer.Ordinal);
        analyzer = new QueryAnalyzer(parts.Vocabulary, new SynonymMap(content.SynonymGroups), parts.Analyzer, smallTalk.PhraseWords, matcher.KnowsStem);
        entryById = content.Entries.DistinctBy(e => e.Id).ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);

        var byPhrasing = new Dictionary<string, FaqEntry>(StringComparer.Ordinal);
        foreach (var entry in content.Entries)
        {
            foreach (var normal in QuestionForms.OfEntry(entry))
            {
                if (normal.Length > 0)
                {
                    byPhrasing.TryAdd(normal, entry);
                }
            }
        }

        entryByPhrasing = byPhrasing.ToFrozenDictionary(StringComparer.Ordinal);
        starters = options.StarterQuestions.Select(id => entryById.GetValueOrDefault(id)).OfType<FaqEntry>()
            .Concat(content.Entries)
            .Distinct()
            .Take(MaxSuggestions)
            .ToList();
    }

    public Reply Ask(string text)
    {
        text ??= string.Empty;
        var verdict = safety.Screen(text);
        if (verdict is { Level: SafetyLevel.Urgent, Rule: { } rule })
        {
            return new Reply { Kind = ReplyKind.Urgent, Confidence = 1, Message = rule.Reply, SafetyRuleId = rule.Id, Disclaimer = content.Disclaimer };
        }

        var reply = Decide(text);
        return verdict.Note is null ? reply : reply with { SafetyNote = verdict.Note };
    }

    /// <summary>Everything after the safety screen: length limit, small talk, exact phrasing, then retrieval.</summary>
    private Reply Decide(string text)
    {
        if (text.Length > options.MaxQuestionLength)
        {
            return None(string.Format(System.Globalization.CultureInfo.InvariantCulture, EngineMessages.TooLong, options.MaxQuestionLength));
        }

        text = MessageCleaner.Clean(text);
        var words = TextNormalizer.Words(text);

        var intent = smallTalk.Match(words);
        if (intent is not null)
        {
            return new Reply { Kind = ReplyKind.SmallTalk, Confidence = 1, Message = intent.Reply, Suggestions = starters, Disclaimer = content.Disclaimer };
        }

        if (Exact(words) is { } exact)
        {
            return exact;
        }

        var reading = Read(words);
        var reply = Retrieve(text, reading);
        reply = reply.Kind != ReplyKind.Answer ? FromQuestionsOf(text, reply) : reply;
        return reply.Kind == ReplyKind.None && DeclinedText(reading) is { } declined ? reply with { Message = declined } : reply;
    }

    /// <summary>
    /// What to say instead of the plain "no good answer" when the question names a concept with its own text: where to
    /// ask instead. An ask is more specific than a subject ("what dose of vitamin d should I take for ms" asks for a dose),
    /// so it comes first; a subject's text is used only when the question does not also name the FAQ's main subject,
    /// for a question about CCSVI that the FAQ cannot answer is still a question for this FAQ.
    /// </summary>
    private string? DeclinedText(Reading reading) =>
        content.Asks.FirstOrDefault(a => a.Declined is not null && reading.Asks.Contains(a.Id))?.Declined
        ?? (mainSubject is not null && reading.Subjects.Contains(mainSubject)
            ? null
            : content.Subjects.FirstOrDefault(s => s.Declined is not null && reading.Subjects.Contains(s.Id))?.Declined);

    /// <summary>
    /// A long post ("I'm 45, diagnosed in 2010, … does the liberation treatment last? thanks for any help") often asks
    /// its question in one sentence among many that tell a story: read whole, the story's words drown it. When the
    /// whole post gets no answer, each sentence that asks something is tried alone; the most confident answer among
    /// them is given, and what the other questions would be answered by is offered after it. A short message is read so
    /// too: a headline's tag line ("What causes MS? Landmark study finds clue") or the words around a quoted question
    /// drown it the same way.
    /// </summary>
    private Reply FromQuestionsOf(string text, Reply whole)
    {
        var questions = Sentences.Questions(text);
        if (questions.Count == 0 || (questions.Count == 1 && questions[0].Length >= text.Length - 1))
        {
            return whole;
        }

        // Only a question that names what it is about stands alone: "What would I do with the information?" cut from its
        // post could be about anything, and this service's own entry would answer it.
        var replies = questions.Take(MaxQuestionsPerPost)
            .Select(question => ReadReferringBack(text, question))
            .Where(asked => asked.Reading.Subjects.Count > 0)
            .Select(asked => Exact(asked.Words) ?? Retrieve(asked.Question, asked.Reading))
            .ToList();
        var best = replies.Where(r => r.Kind == ReplyKind.Answer).MaxBy(r => r.Confidence);
        if (best is null)
        {
            return whole;
        }

        var others = replies.Where(r => r.Kind == ReplyKind.Answer && !ReferenceEquals(r, best)).Select(r => r.Entry!).Where(e => !ReferenceEquals(e, best.Entry));
        return best with { Suggestions = others.Concat(best.Suggestions).Distinct().Take(MaxSuggestions).ToList() };
    }

    /// <summary>
    /// A question cut from a post that names no subject but points back to one ("I read about CCSVI last week. Is it
    /// real?") is about the subject the post last named before it: that name is added to it, and it is read again.
    /// </summary>
    private (string Question, string[] Words, Reading Reading) ReadReferringBack(string post, string question)
    {
        var words = TextNormalizer.Words(question);
        var reading = Read(words);
        if (reading.Subjects.Count > 0 || !words.Any(ReferringWords.Contains))
        {
            return (question, words, reading);
        }

        var at = post.IndexOf(question.TrimEnd('?'), StringComparison.Ordinal);
        var name = at > 0 ? subjects.LastName(TextNormalizer.Words(post[..at])) : [];
        if (name.Count == 0)
        {
            return (question, words, reading);
        }

        var referred = string.Concat(question, " ", string.Join(' ', name));
        var referredWords = TextNormalizer.Words(referred);
        return (referred, referredWords, Read(referredWords));
    }

    /// <summary>Words by which a question points back to what the post spoke of before it.</summary>
    private static readonly FrozenSet<string> ReferringWords = new[] { "it", "its", "this", "that", "they", "them", "these", "those" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Retrieval with a calibrated confidence → answer / clarify / none, for a question already cleaned, with the
    /// subjects it names and what it asks for (<see cref="ConceptReader"/>).
    /// </summary>
    private Reply Retrieve(string text, Reading reading)
    {
        var query = Analyze(text);
        var ranked = Rank(query);
        if (ranked.Count == 0)
        {
            return None(EngineMessages.NoAnswer);
        }

        var confidence = ConfidenceModel.Confidence(query, ranked, scope.Lift(query));
        var top = ranked[0];
        if (!Fits(top.Entry, reading))
        {
            return OfferFitting(query, ranked, reading);
        }

        if (confidence >= options.AnswerThreshold)
        {
            return SecondOpinion(text, ranked, confidence) is { } other
                ? Clarify(ranked, reading, confidence, [top.Entry, other])
                : AnswerWith(top.Entry, confidence);
        }

        if (confidence >= options.ClarifyThreshold)
        {
            return Clarify(ranked, reading, confidence);
        }

        return None(EngineMessages.NoAnswer) with { Confidence = confidence };
    }

    /// <summary>
    /// The entry the question's meaning puts first, when that is not the word-based top one: then neither ranking is
    /// trusted alone, and both are offered if they can answer the question (an entry on a subject the question does not
    /// name is never offered, but its closeness is still a reason to doubt). Words decide most of the score (each entry's
    /// score plus <see cref="AnsweringOptions.MeaningWeight"/> times its nearest phrasing's cosine), so the meaning
    /// overturns only close calls or rankings that hinge on a shared word ("Can Abnormality in Your Neck Cause MS?"
    /// ranks the causes of MS first by its words; by its meaning, whether CCSVI causes MS). Null when they agree, when
    /// the answer is certain enough not to ask (<see cref="AnsweringOptions.SecondOpinionBelow"/>), without a model, or
    /// while the vectors are still being built.
    /// </summary>
    private FaqEntry? SecondOpinion(string text, IReadOnlyList<MatchScore> ranked, double confidence)
    {
        if (meanings is not { IsCompletedSuccessfully: true } || confidence >= options.SecondOpinionBelow)
        {
            return null;
        }

        var meaning = meanings.Result;
        var question = meaning.Embedder.Embed(text);
        if (question.Length != meaning.Dimensions)
        {
            return null;
        }

        var best = ranked[0].Entry;
        var bestScore = double.MinValue;
        foreach (var candidate in ranked)
        {
            var score = candidate.Score + (options.MeaningWeight * meaning.Closeness(candidate.Entry, question));
            if (score > bestScore)
            {
                (best, bestScore) = (candidate.Entry, score);
            }
        }

        return ReferenceEquals(best, ranked[0].Entry) ? null : best;
    }

    public Reply? AnswerEntry(string entryId) =>
        entryId is not null && entryById.TryGetValue(entryId, out var entry) ? AnswerWith(entry, 1) : null;

    public IReadOnlyList<SearchHit> Search(string text, int top)
    {
        if (top <= 0)
        {
            return [];
        }

        var ranked = Rank(text ?? string.Empty);
        return ranked.Take(top).Select(m => new SearchHit(m.Entry, Math.Round(m.Score, 4))).ToList();
    }

    public void Dispose() => index.Dispose();

    /// <summary>How the engine reads a text: its concepts after spelling correction and synonym expansion.</summary>
    public AnalyzedQuery Analyze(string text) => analyzer.Analyze(text ?? string.Empty);

    /// <summary>Completes when the phrasings' meaning vectors are ready (at once without a meaning model).</summary>
    internal Task MeaningReady => meanings ?? Task.CompletedTask;

    internal bool HasMeaning => meanings is not null;

    /// <summary>The model trained on this snapshot's phrasings, for the next snapshot to take over when they are unchanged.</summary>
    internal PhrasingClassifier Classifier => classifier;

    /// <summary>How strongly the query's words speak for the FAQ's topic against its out-of-scope examples.</summary>
    internal ScopeLift ScopeLift(AnalyzedQuery query) => scope.Lift(query);

    /// <summary>The candidates, best first, with the features behind their scores.</summary>
    internal IReadOnlyList<MatchScore> Rank(string text) => Rank(Analyze(text));

    private IReadOnlyList<MatchScore> Rank(AnalyzedQuery query) => Rank(query, MatchWeights.Default);

    /// <summary>The index's candidates for a query, before re-scoring (the scale benchmark times them apart).</summary>
    internal IReadOnlyList<FaqEntry> Candidates(AnalyzedQuery query) => index.Candidates(query, CandidatePool);

    /// <summary>With other re-score weights: the calibration compares them on the same candidates.</summary>
    internal IReadOnlyList<MatchScore> Rank(AnalyzedQuery query, MatchWeights weights) =>
        query.IsEmpty ? [] : matcher.Rank(query, index.Candidates(query, CandidatePool), weights, classifier);

    private const double ClarifyCandidateRatio = 0.6;

    /// <summary>Each question of a post costs one retrieval; a post with more asks for a conversation, not a reply.</summary>
    private const int MaxQuestionsPerPost = 6;

    /// <summary>The subjects a question names and what it asks for.</summary>
    /// <param name="OnlyPartlyCovered">
    /// Every subject it names is one the FAQ covers only in part, those with a <c>declined:</c> text (it answers a few
    /// basics of MS, nothing of other conditions): such a question is answered only by an entry about nothing else.
    /// </param>
    /// <param name="MayClarify">
    /// Whether the question may get a choice of entries: only one about a subject the FAQ covers in full. Most questions
    /// about MS alone that come near its entries are ones it cannot answer ("How is MS treated?", before the FAQ had an
    /// entry for it, was offered "What is MS?", the types of MS and stopping MS medicine for CCSVI treatment), and its
    /// declined text, which says where to ask, serves them better; a basic question asked oddly finds its entry among
    /// the suggestions instead. A question that names no subject ("Should I go abroad for medical care?", "Why will only
    /// 100 patients be recruited?") has nothing to choose entries by. On the real questions' tuning part this declines
    /// 14 more of 116 out-of-scope questions, and 4 answerable ones of 62 lose a choice that held their entry
    /// (docs/architecture.md, "Subjects covered in part"). An FAQ without subjects clarifies any question.
    /// </param>
    private readonly record struct Reading(IReadOnlySet<string> Subjects, IReadOnlySet<string> Asks, bool OnlyPartlyCovered, bool MayClarify);

    private Reading Read(IReadOnlyList<string> words)
    {
        var named = subjects.Named(words);
        var onlyPartlyCovered = named.Count > 0 && named.All(partlyCoveredSubjects.Contains);
        return new(named, asks.Named(words), onlyPartlyCovered, !onlyPartlyCovered && (named.Count > 0 || subjects.IsEmpty));
    }

    /// <summary>
    /// What each entry answers among the asks: those its own question, alternates or answer name. The maintainers'
    /// phrasings say what an entry is for: the restenosis entry is asked "do the veins narrow again", never "can it be
    /// prevented", and its answer says how often, never how to prevent it.
    /// </summary>
    private static FrozenDictionary<string, FrozenSet<string>> AsksAnswered(IReadOnlyList<FaqEntry> entries, ConceptReader asks)
    {
        if (asks.IsEmpty)
        {
            return FrozenDictionary<string, FrozenSet<string>>.Empty;
        }

        return entries.DistinctBy(e => e.Id).ToFrozenDictionary(
            entry => entry.Id,
            entry => entry.Alternates.Prepend(entry.Question).Append(entry.Answer)
                .SelectMany(text => asks.Named(TextNormalizer.Words(text)))
                .ToFrozenSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether an entry can answer a question: it is about a subject the question names (or the question names none),
    /// and about nothing else when the question names only subjects the FAQ covers in part ("Why take a DMT?" is not
    /// answered with "Should I stop my MS medication if I have CCSVI treatment?"), and it answers everything the question
    /// asks for. The confidence is computed over every candidate, as calibrated; this only vetoes: "is ms hereditary" is
    /// not answered with "Is CCSVI inherited?", "what causes gout", which names only a subject no entry covers, is
    /// answered by none, and "Can restenosis be prevented?" is not answered with how often veins narrow again.
    /// </summary>
    private bool Fits(FaqEntry entry, Reading reading) =>
        (reading.Subjects.Count == 0 || (entry.Subjects.Count == 0 ? reading.Subjects.Contains(mainSubject!) : entry.Subjects.Any(reading.Subjects.Contains)))
        && (!reading.OnlyPartlyCovered || entry.Subjects.All(reading.Subjects.Contains))
        && (reading.Asks.Count == 0 || (asksAnswered.TryGetValue(entry.Id, out var answered) && reading.Asks.All(answered.Contains)));

    /// <summary>
    /// When the best candidate cannot answer the question (another subject: "ms" alone ranks "Does CCSVI cause MS?"
    /// first; or it does not answer what is asked), the best ones that can are offered, never given: their confidence
    /// was calibrated on rankings with the others in, and with the others taken out a lone entry looks certain.
    /// </summary>
    private Reply OfferFitting(AnalyzedQuery query, IReadOnlyList<MatchScore> ranked, Reading reading)
    {
        var fitting = ranked.Where(m => Fits(m.Entry, reading)).ToList();
        var confidence = fitting.Count == 0 ? 0 : ConfidenceModel.Confidence(query, fitting, scope.Lift(query));
        if (confidence < options.ClarifyThreshold)
        {
            return None(EngineMessages.NoAnswer) with { Confidence = confidence };
        }

        return Clarify(fitting, reading, confidence);
    }

    /// <summary>
    /// The choices: the best candidates that can answer the question, each close enough to the best of them; for a
    /// question that may not be offered a choice (see <see cref="Reading"/>), "no good answer" with them as suggestions.
    /// </summary>
    /// <param name="first">Entries offered first, whatever their score (the two rankings' choices when they disagree).</param>
    private Reply Clarify(IReadOnlyList<MatchScore> ranked, Reading reading, double confidence, IReadOnlyList<FaqEntry>? first = null)
    {
        if (!reading.MayClarify)
        {
            return NoneOffering(ranked, reading, confidence);
        }

        var fitting = ranked.Where(m => Fits(m.Entry, reading)).Take(MaxCandidates).ToList();
        if (fitting.Count == 0)
        {
            return None(EngineMessages.NoAnswer) with { Confidence = confidence };
        }

        var candidates = (first ?? []).Where(e => Fits(e, reading)).Concat(fitting.Where(m => m.Score >= fitting[0].Score * ClarifyCandidateRatio).Select(m => m.Entry)).Distinct().Take(MaxCandidates).ToList();
        return new Reply { Kind = ReplyKind.Clarify, Confidence = confidence, Candidates = candidates, Message = EngineMessages.Clarify, Disclaimer = content.Disclaimer };
    }

    /// <summary>
    /// "No good answer" for a question that may not be offered a choice (see <see cref="Reading"/>) although its best
    /// candidates came near: they are its suggestions instead of the starter questions, as topics it could ask about, not
    /// as guesses at what it meant ("How does stress affect your MS?" is told where to ask and offered the basics of MS).
    /// </summary>
    private Reply NoneOffering(IReadOnlyList<MatchScore> ranked, Reading reading, double confidence)
    {
        var near = ranked.Where(m => Fits(m.Entry, reading)).Take(MaxSuggestions).Select(m => m.Entry).ToList();
        var none = None(EngineMessages.NoAnswer) with { Confidence = confidence };
        return near.Count == 0 ? none : none with { Suggestions = near };
    }

    /// <summary>The answer to a question asked in the words of an entry's phrasing (greetings aside), which needs no retrieval.</summary>
    private Reply? Exact(string[] words) =>
        entryByPhrasing.TryGetValue(string.Join(' ', WithoutGreetings(words).AsSpan()), out var entry) ? AnswerWith(entry, 1) : null;

    /// <summary>The words without small-talk words around them: "hi, what is ccsvi? thanks" is the question "what is ccsvi".</summary>
    private ArraySegment<string> WithoutGreetings(string[] words)
    {
        int start = 0, end = words.Length;
        while (start < end && smallTalk.PhraseWords.Contains(words[start]))
        {
            start++;
        }

        while (end > start && smallTalk.PhraseWords.Contains(words[end - 1]))
        {
            end--;
        }

        return new ArraySegment<string>(words, start, end - start);
    }

    private Reply AnswerWith(FaqEntry entry, double confidence) => new()
    {
        Kind = ReplyKind.Answer,
        Confidence = confidence,
        Entry = entry,
        Suggestions = entry.Related.Select(id => entryById.GetValueOrDefault(id)).OfType<FaqEntry>().Where(e => !ReferenceEquals(e, entry)).Take(MaxSuggestions).ToList(),
        Disclaimer = content.Disclaimer,
    };

    private Reply None(string message) =>
        new() { Kind = ReplyKind.None, Message = message, Suggestions = starters, Disclaimer = content.Disclaimer };
}
