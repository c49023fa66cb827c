using CcsviBot.Core.Meaning;
using CcsviBot.Core.Safety;
using CcsviBot.Core.Search;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Answering;

/// <summary>What a snapshot's engine is made of, built side by side by <see cref="KnowledgeBaseFactory"/>.</summary>
internal sealed record SnapshotParts(
    IFaqIndex Index,
    IVocabulary Vocabulary,
    FaqAnalyzer Analyzer,
    EntryMatcher Matcher,
    PhrasingClassifier Classifier,
    ScopeProfile Scope,
    SafetyScreen Safety,
    Task<PhrasingMeanings>? Meanings = null);
