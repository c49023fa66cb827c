using System.Collections.Frozen;

namespace CcsviBot.Core.Text;

/// <summary>
/// Function words and question filler that say nothing about the topic. They still count for exact matches
/// and small talk, but never as query concepts.
/// </summary>
public static class StopWords
{
    private static readonly FrozenSet<string> Words = new[]
    {
        "a", "about", "above", "actually", "after", "again", "all", "also", "am", "an", "and", "any", "anyone", "anything", "are", "as", "at",
        "be", "been", "before", "being", "both", "but", "by", "can", "cant", "could", "couldnt", "did", "didnt", "do", "does", "doesnt", "doing",
        "dont", "down", "during", "each", "eg", "else", "etc", "even", "ever", "every", "explain", "few", "for", "from", "further", "get", "gets",
        "getting", "give", "go", "going", "got", "had", "has", "have", "having", "he", "hear", "heard", "her", "here", "hers", "him", "his", "how",
        "i", "id", "ie", "if", "im", "in", "into", "is", "isnt", "it", "its", "ive", "just", "know", "let", "like", "lot", "lots", "me", "mean",
        "might", "more", "most", "much", "must", "my", "myself", "need", "no", "nor", "not", "now", "of", "off", "ok", "okay", "on", "once", "one",
        "only", "or", "other", "our", "ours", "out", "over", "own", "please", "pls", "plz", "quite", "really", "right", "said", "same", "say", "see",
        "seen", "she", "should", "so", "some", "someone", "something", "still", "such", "sure", "tell", "than", "that", "thats", "the", "their",
        "them", "then", "there", "these", "they", "thing", "things", "think", "this", "those", "through", "to", "too", "u", "under", "until", "up",
        "ur", "us", "very", "want", "was", "wasnt", "way", "we", "well", "were", "what", "whats", "when", "where", "whether", "which", "while",
        "who", "whom", "whos", "why", "will", "with", "wonder", "wondering", "would", "wouldnt", "yes", "yet", "you", "your", "youre", "yours",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string word) => Words.Contains(word);
}
