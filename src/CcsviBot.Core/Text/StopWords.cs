using System.Collections.Frozen;

namespace CcsviBot.Core.Text;

/// <summary>
/// Function words and filler that say nothing about the topic. Question words (who, where, how…) and words such as
/// "still", "again" or "after" are not here: they tell FAQ questions apart, and inverse document frequency already
/// weighs them down where they are common. Stop words still count for exact matches and small talk.
/// </summary>
public static class StopWords
{
    private static readonly FrozenSet<string> Words = new[]
    {
        "a", "about", "above", "actually", "all", "also", "am", "an", "and", "any", "anyone", "anything", "are", "as", "at", "be", "been",
        "being", "both", "but", "by", "can", "cant", "could", "couldnt", "did", "didnt", "do", "does", "doesnt", "doing", "dont", "each",
        "eg", "etc", "for", "from", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "i", "id", "ie", "if", "im",
        "in", "into", "is", "isnt", "it", "its", "ive", "just", "let", "like", "me", "might", "much", "must", "my", "myself", "no", "nor",
        "not", "now", "of", "ok", "okay", "on", "one", "or", "our", "ours", "please", "pls", "plz", "quite", "really", "she", "should",
        "so", "some", "someone", "something", "such", "sure", "tell", "than", "that", "thats", "the", "their", "them", "then", "there",
        "these", "they", "thing", "things", "think", "this", "those", "through", "to", "too", "u", "ur", "us", "very", "want", "was",
        "wasnt", "we", "were", "what", "whats", "whether", "which", "while", "whom", "whos", "will", "with", "wonder", "wondering", "would",
        "wouldnt", "yes", "you", "your", "youre", "yours",
        // Intensifiers and discourse words: "does it truly help", "why exactly" ask what "does it help" and "why" ask.
        "anyway", "anyways", "basically", "certainly", "definitely", "even", "ever", "exactly", "genuinely", "honestly", "kindly",
        "literally", "merely", "perhaps", "maybe", "seriously", "simply", "truly", "anybody", "somebody", "everyone", "folks", "guys",
        // Counts: "the four types of MS", "the two main schools of thought" ask what "the types", "the schools" ask.
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string word) => Words.Contains(word);
}
