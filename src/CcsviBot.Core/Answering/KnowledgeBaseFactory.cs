using CcsviBot.Core.Faq;
using CcsviBot.Core.Meaning;
using CcsviBot.Core.Safety;
using CcsviBot.Core.Search;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Answering;

/// <summary>
/// Builds knowledge base snapshots: the index the given <see cref="IFaqIndexBuilder"/> makes over the content, and the
/// engine over both. One <see cref="FaqAnalyzer"/> serves every snapshot it builds: a question that took a snapshot just
/// before it retired may still be analysing, so the analysis chain must outlive snapshots.
/// With an <see cref="ISentenceEmbedder"/>, an FAQ-sized snapshot also holds its phrasings' meaning vectors, and its
/// engine takes a second opinion from them before it answers (<see cref="AnsweringOptions.SecondOpinionBelow"/>). They
/// are built in the background: a snapshot is published as soon as its index is, and answers by its words alone until
/// its vectors are ready (<see cref="KnowledgeBase.MeaningReady"/>), which is half a minute on the first start of a
/// machine (every phrasing embedded) and milliseconds afterwards (only new phrasings).
/// </summary>
/// <param name="embedder">The meaning model; null answers by the word-based ranking alone.</param>
/// <param name="vectors">Where phrasing vectors are kept between snapshots and runs; in memory when null.</param>
public sealed class KnowledgeBaseFactory(IFaqIndexBuilder indexBuilder, ISentenceEmbedder? embedder = null, EmbeddingStore? vectors = null)
{
    /// <summary>
    /// Above this many entries there are no meaning vectors: a corpus of thousands (MedQuAD's 16,407) would take hours
    /// to embed on two cores, and has no maintainers' phrasings to compare with.
    /// </summary>
    public const int MaxEntriesWithMeaning = 1000;

    private readonly FaqAnalyzer analyzer = new();
    private readonly EmbeddingStore store = vectors ?? new EmbeddingStore();

    /// <summary>Snapshots over a <see cref="LuceneFaqIndex"/>.</summary>
    public static KnowledgeBaseFactory Default { get; } = new(new LuceneFaqIndexBuilder());

    /// <param name="previous">The live snapshot, when this one replaces it: what did not change is taken over rather than rebuilt.</param>
    public KnowledgeBase Build(FaqContent content, AnsweringOptions options, long version, TimeProvider? time = null, KnowledgeBase? previous = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var problems = AnsweringOptions.Problems(options).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        // The index, the spelling vocabulary, the engine's entry profiles, its scope model, the phrasing classifier and
        // the safety screen are independent: build them side by side.
        var entries = content.Entries;
        var matcher = Task.Run(() => new EntryMatcher(entries, analyzer));
        var classifier = Task.Run(() => PhrasingClassifier.Train(entries, content.SynonymGroups, analyzer, previous?.AnswerEngine.Classifier));
        var vocabulary = Task.Run(() => SpellingDictionary.Of(entries));
        var scope = Task.Run(() => new ScopeProfile(entries, content.OutOfScopeExamples, analyzer));
        var safety = Task.Run(() => SafetyScreen.Build(content, analyzer, options.UrgentThreshold, options.SafetyNoteThreshold));
        var meanings = embedder is not null && entries.Count <= MaxEntriesWithMeaning ? Task.Run(() => PhrasingMeanings.Build(entries, embedder, store)) : null;
        var index = indexBuilder.Build(entries, analyzer);
        try
        {
            var parts = new SnapshotParts(index, vocabulary.GetAwaiter().GetResult(), analyzer, matcher.GetAwaiter().GetResult(), classifier.GetAwaiter().GetResult(), scope.GetAwaiter().GetResult(), safety.GetAwaiter().GetResult(), meanings);
            return new KnowledgeBase(content, new AnswerEngine(content, options, parts), version, (time ?? TimeProvider.System).GetUtcNow());
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }
}
