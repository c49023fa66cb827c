namespace CcsviBot.Core.Text;

/// <summary>The FAQ's words (unstemmed, normal form), for spelling correction: a small look-up apart from the search engine.</summary>
public interface IVocabulary
{
    /// <summary>True when some entry uses <paramref name="word"/>.</summary>
    bool Contains(string word);

    /// <summary>Known words within <paramref name="maxEdits"/> edits of <paramref name="word"/>: nearest first, then most frequent.</summary>
    IReadOnlyList<string> Similar(string word, int maxEdits);
}
