using CcsviBot.Core.Faq;
using CcsviBot.Core.Safety;
using CcsviBot.Core.Search;

namespace CcsviBot.Core.Answering;

/// <summary>Builds a knowledge base snapshot: the FTS5 index over the content and the engine over both.</summary>
public static class KnowledgeBaseFactory
{
    /// <param name="previous">The live snapshot, when this one replaces it: what did not change is taken over rather than rebuilt.</param>
    public static KnowledgeBase Build(FaqContent content, AnsweringOptions options, long version, TimeProvider? time = null, KnowledgeBase? previous = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var problems = AnsweringOptionsValidator.Problems(options).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        // The FTS5 index, the engine's entry profiles and the phrasing classifier are independent: build them side by side.
        var matcher = Task.Run(() => new EntryMatcher(content.Entries));
        var classifier = Task.Run(() => PhrasingClassifier.Train(content.Entries, content.SynonymGroups, (previous?.Engine as AnswerEngine)?.Classifier));
        var safety = Task.Run(() => SafetyScreen.Build(content, options.UrgentThreshold, options.SafetyNoteThreshold));
        var index = SqliteFtsIndex.Build(content.Entries);
        try
        {
            return new KnowledgeBase(content, new AnswerEngine(content, index, options, matcher.GetAwaiter().GetResult(), classifier.GetAwaiter().GetResult(), safety.GetAwaiter().GetResult()), version, (time ?? TimeProvider.System).GetUtcNow());
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }
}

/// <summary>A provider with one snapshot for the process's lifetime (the command line, tests).</summary>
public sealed class StaticKnowledgeBaseProvider(KnowledgeBase current) : IKnowledgeBaseProvider
{
    public KnowledgeBase Current { get; } = current;
}
