using System.Collections.Frozen;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Safety;

/// <summary>
/// Reads a message as the learned screen sees it: its stems, neighbouring stem pairs, the situation concepts it
/// mentions (see <c>situations:</c> in safety.yaml) and each pair of those concepts. The concepts are what let the
/// screen generalise: "I swallowed 40 of my co-codamol" and "took the whole packet of sertraline" share no word, but
/// both read as <c>swallowed + quantity + medicine + self</c>, and the model learns what that combination means from
/// other examples. Immutable and thread-safe.
/// </summary>
internal sealed class SituationReader
{
    private const string NumberConcept = "quantity";
    private const string SelfConcept = "self";
    // A post this long, in which the writer names themselves this often, tells their own story (see TellsOwnStory).
    private const int OwnStoryWords = 40;
    private const int OwnStoryMentions = 3;

    private readonly string[] conceptNames;
    // First stem of a concept phrase → (the phrase's stems, concept index, whether it names a danger); longest first.
    private readonly FrozenDictionary<string, (string[] Stems, int Concept, bool NamesDanger)[]> phrasesByFirstStem;
    private readonly int numberConcept;
    private readonly FrozenSet<string> selfWords;

    private readonly FaqAnalyzer analyzer;

    /// <param name="everyday">Situation words whose everyday sense names no danger (see <see cref="NamesDanger"/>).</param>
    public SituationReader(IReadOnlyList<SituationConcept> concepts, FaqAnalyzer analyzer, IEnumerable<string>? everyday = null)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        ArgumentNullException.ThrowIfNull(analyzer);
        this.analyzer = analyzer;
        conceptNames = concepts.Select(c => c.Name).ToArray();
        numberConcept = Array.IndexOf(conceptNames, NumberConcept);
        // By stems, as messages are read: "taken" is as everyday as "take".
        var everydayStems = (everyday ?? []).Select(p => string.Join(' ', Stems(TextNormalizer.Words(p)))).ToHashSet(StringComparer.Ordinal);
        selfWords = concepts.Where(c => c.Name == SelfConcept).SelectMany(c => c.Phrases)
            .Select(p => TextNormalizer.Words(p)).Where(w => w.Length == 1).Select(w => w[0]).ToFrozenSet(StringComparer.Ordinal);
        phrasesByFirstStem = concepts
            .SelectMany((concept, index) => concept.Phrases.Select(p => Stems(TextNormalizer.Words(p))).Select(stems =>
                (Stems: stems, Concept: index, NamesDanger: !concept.IsContext && !everydayStems.Contains(string.Join(' ', stems)))))
            .Where(p => p.Stems.Length > 0)
            .GroupBy(p => p.Stems[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Stems.Length).ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<string> ConceptNames => conceptNames;

    /// <summary>The features of one piece of text (a sentence or a whole message), each once.</summary>
    public HashSet<string> Features(IReadOnlyList<string> words) => FeaturesOfStems(Stems(words), out _);

    /// <summary>
    /// The features of text already turned into <see cref="Stems"/>, and whether it names a danger
    /// (<see cref="NamesDanger"/>), from one reading of its concepts: the screen stems each message once and needs both.
    /// </summary>
    public HashSet<string> FeaturesOfStems(string[] stems, out bool namesDanger)
    {
        (var concepts, namesDanger) = ReadConcepts(stems);
        var features = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < stems.Length; i++)
        {
            features.Add("s:" + stems[i]);
            if (i + 1 < stems.Length)
            {
                features.Add(string.Concat("b:", stems[i], " ", stems[i + 1]));
            }
        }

        // How a message opens tells a question ("what are the signs…", "can a stent…") from a report ("my husband is…").
        if (stems.Length > 0)
        {
            features.Add("f:" + stems[0]);
            if (stems.Length > 1)
            {
                features.Add(string.Concat("f:", stems[0], " ", stems[1]));
            }
        }

        for (var a = 0; a < concepts.Count; a++)
        {
            features.Add("c:" + conceptNames[concepts[a]]);
            for (var b = a + 1; b < concepts.Count; b++)
            {
                features.Add(string.Concat("p:", conceptNames[concepts[a]], "+", conceptNames[concepts[b]]));
            }
        }

        return features;
    }

    /// <summary>
    /// Whether text already turned into <see cref="Stems"/> names a danger situation, not only its circumstances, by a
    /// word of the situation other than an everyday one: "how long will it take before I see results" uses the words of
    /// swallowing and of sight, in their everyday sense.
    /// </summary>
    public bool NamesDanger(string[] stems) => ReadConcepts(stems).NamesDanger;

    /// <summary>
    /// Whether the text is a long post the writer tells of themselves: at least <see cref="OwnStoryWords"/> words, with
    /// the words of the <c>self</c> context ("i", "my", "me"…) at least <see cref="OwnStoryMentions"/> times.
    /// </summary>
    public bool TellsOwnStory(IReadOnlyList<string> words) =>
        words.Count >= OwnStoryWords && words.Count(selfWords.Contains) >= OwnStoryMentions;

    /// <summary>The concepts the stems mention, in concept order, each once.</summary>
    public List<int> Concepts(string[] stems) => ReadConcepts(stems).Concepts;

    /// <summary>The concepts the stems mention, and whether any of them is named by a word in its danger sense.</summary>
    private (List<int> Concepts, bool NamesDanger) ReadConcepts(string[] stems)
    {
        var found = new SortedSet<int>();
        var namesDanger = false;
        for (var i = 0; i < stems.Length; i++)
        {
            if (numberConcept >= 0 && stems[i].Length > 0 && stems[i].All(char.IsAsciiDigit))
            {
                found.Add(numberConcept);
            }

            if (!phrasesByFirstStem.TryGetValue(stems[i], out var phrases))
            {
                continue;
            }

            foreach (var (phrase, concept, dangerSense) in phrases)
            {
                if (StartsAt(stems, i, phrase))
                {
                    found.Add(concept);
                    namesDanger |= dangerSense;
                }
            }
        }

        return ([.. found], namesDanger);
    }

    /// <summary>The stems of words in normal form, from the one analysis pipeline every other part of the engine uses.</summary>
    public string[] Stems(IReadOnlyList<string> words) =>
        words.Count == 0 ? [] : [.. analyzer.Stems(string.Join(' ', words))];

    private static bool StartsAt(string[] stems, int start, string[] phrase)
    {
        if (start + phrase.Length > stems.Length)
        {
            return false;
        }

        for (var j = 1; j < phrase.Length; j++)
        {
            if (!string.Equals(stems[start + j], phrase[j], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
