using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Answering;

/// <summary>Decides what to reply. Synchronous: it is CPU-bound work on an in-memory index.</summary>
public interface IAnswerEngine
{
    /// <summary>The decision for a free-text message. Never throws for any text.</summary>
    Reply Ask(string text);

    /// <summary>The answer for a known entry id (a clicked related question or clarification candidate), or null if unknown.</summary>
    Reply? AnswerEntry(string entryId);

    /// <summary>The questions offered to start with: the configured starter entries, topped up with the first entries.</summary>
    IReadOnlyList<FaqEntry> StarterQuestions { get; }

    /// <summary>Ranked candidates with scores, as the maintainers' test pane shows them.</summary>
    IReadOnlyList<SearchHit> Search(string text, int top);
}
