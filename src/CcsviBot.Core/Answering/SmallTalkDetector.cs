using CcsviBot.Core.Faq;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Answering;

/// <summary>
/// Small talk is a message made only of small-talk phrases and filler ("hi there!", "thanks a lot", "bye for now").
/// One topic word makes it a question: "hi, what is ccsvi?" is answered, not greeted.
/// </summary>
internal sealed class SmallTalkDetector
{
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "bot", "chatbot", "again", "guys", "everyone", "all", "mate", "friend", "dear", "sir", "madam", "folks", "there", "buddy",
        "much", "very", "so", "lot", "lots", "many", "oh", "ah", "um", "hmm", "well", "great", "good", "nice", "cool", "ok", "okay",
    };

    private readonly (SmallTalkIntent Intent, string[] Phrase)[] phrases;

    public SmallTalkDetector(IReadOnlyList<SmallTalkIntent> intents)
    {
        // Longest phrases first so "thank you very much" wins over "thank you".
        phrases = intents
            .SelectMany(i => i.Phrases.Select(p => (Intent: i, Phrase: TextNormalizer.Words(p))))
            .Where(p => p.Phrase.Length > 0)
            .OrderByDescending(p => p.Phrase.Length)
            .ToArray();
        PhraseWords = phrases.Where(p => p.Phrase.Length == 1).Select(p => p.Phrase[0]).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Single-word small-talk phrases ("hello", "thanks"): not topics when they open or close a question.</summary>
    public IReadOnlySet<string> PhraseWords { get; }

    public SmallTalkIntent? Match(IReadOnlyList<string> words)
    {
        SmallTalkIntent? intent = null;
        for (var i = 0; i < words.Count;)
        {
            var matched = false;
            foreach (var (candidate, phrase) in phrases)
            {
                var length = PhraseMatcher.MatchLengthAt(words, i, phrase);
                if (length > 0)
                {
                    intent ??= candidate;
                    i += length;
                    matched = true;
                    break;
                }
            }

            if (matched)
            {
                continue;
            }

            if (!StopWords.Contains(words[i]) && !Filler.Contains(words[i]))
            {
                return null;
            }

            i++;
        }

        return intent;
    }
}
