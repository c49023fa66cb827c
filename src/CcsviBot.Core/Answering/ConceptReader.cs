using CcsviBot.Core.Faq;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Answering;

/// <summary>
/// Tells which of the FAQ's concepts a text names: its subjects ("is ms hereditary" names MS, "is ccsvi inherited"
/// CCSVI, "what causes gout" another condition) or what it asks for ("can restenosis be prevented" asks for
/// prevention). A question is matched by meaning only within the subjects it names, so words shared across subjects
/// ("hereditary", "causes") never carry an answer from one subject to another. Names are matched on
/// <see cref="FaqAnalyzer"/> stems, longest first, with their synonym groups ("multiple sclerosis" names MS as "ms"
/// does); a longer name of another concept wins ("varicose veins" is another condition, although "veins" names CCSVI),
/// and a not-name ("ms society") names nothing. Immutable and thread-safe.
/// </summary>
internal sealed class ConceptReader
{
    private readonly Dictionary<string, List<(string[] Stems, string? Concept)>> namesByFirstStem = new(StringComparer.Ordinal);
    private readonly FaqAnalyzer analyzer;

    public ConceptReader(IReadOnlyList<FaqConcept> concepts, SynonymMap synonyms, FaqAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        ArgumentNullException.ThrowIfNull(synonyms);
        this.analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
        foreach (var concept in concepts)
        {
            foreach (var name in concept.Names)
            {
                Add(name, concept.Id, synonyms);
            }

            foreach (var notName in concept.NotNames)
            {
                Add(notName, null, synonyms);
            }
        }

        foreach (var names in namesByFirstStem.Values)
        {
            // Longest first; at equal length a not-name wins, so that it can veto a name it contains.
            names.Sort((a, b) => a.Stems.Length != b.Stems.Length ? b.Stems.Length.CompareTo(a.Stems.Length) : (a.Concept is null ? 0 : 1).CompareTo(b.Concept is null ? 0 : 1));
        }
    }

    public bool IsEmpty => namesByFirstStem.Count == 0;

    /// <summary>The ids of the concepts <paramref name="words"/> (in <see cref="TextNormalizer"/> normal form) name.</summary>
    public IReadOnlySet<string> Named(IReadOnlyList<string> words)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        Scan(words, named);
        return named;
    }

    /// <summary>
    /// The words of the last name in <paramref name="words"/> that names a concept ("multiple sclerosis" in "my brother
    /// was diagnosed with multiple sclerosis last year"), or none.
    /// </summary>
    public IReadOnlyList<string> LastName(IReadOnlyList<string> words)
    {
        var (start, length) = Scan(words, named: null);
        return words.Skip(start).Take(length).ToArray();
    }

    /// <summary>
    /// Reads the names in <paramref name="words"/> in order (a not-name or a longer name consumes the words it spans),
    /// adds the concept of each to <paramref name="named"/> and returns where the last one is (length 0 if none). One
    /// pass with no enumerator: every question is read so.
    /// </summary>
    private (int Start, int Length) Scan(IReadOnlyList<string> words, HashSet<string>? named)
    {
        ArgumentNullException.ThrowIfNull(words);
        var last = (Start: 0, Length: 0);
        if (IsEmpty || words.Count == 0)
        {
            return last;
        }

        var stems = words.Select(analyzer.Stem).ToArray();
        for (var i = 0; i < stems.Length;)
        {
            var match = Longest(stems, i);
            if (match is null)
            {
                i++;
                continue;
            }

            if (match.Value.Concept is { } concept)
            {
                named?.Add(concept);
                last = (i, match.Value.Stems.Length);
            }

            i += match.Value.Stems.Length;
        }

        return last;
    }

    private (string[] Stems, string? Concept)? Longest(string[] stems, int start)
    {
        if (!namesByFirstStem.TryGetValue(stems[start], out var candidates))
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            if (start + candidate.Stems.Length <= stems.Length && candidate.Stems.AsSpan().SequenceEqual(stems.AsSpan(start, candidate.Stems.Length)))
            {
                return candidate;
            }
        }

        return null;
    }

    private void Add(string name, string? concept, SynonymMap synonyms)
    {
        var words = TextNormalizer.Words(name);
        if (words.Length == 0)
        {
            return;
        }

        // A name in a synonym group brings its group: the FAQ already says "multiple sclerosis" means "ms".
        var (span, group) = synonyms.MatchAt(words, 0);
        var forms = span == words.Length ? group.Prepend(string.Join(' ', words)) : [string.Join(' ', words)];
        foreach (var form in forms.Distinct(StringComparer.Ordinal))
        {
            var stems = form.Split(' ').Select(analyzer.Stem).ToArray();
            if (!namesByFirstStem.TryGetValue(stems[0], out var names))
            {
                names = [];
                namesByFirstStem[stems[0]] = names;
            }

            if (!names.Any(n => n.Stems.AsSpan().SequenceEqual(stems)))
            {
                names.Add((stems, concept));
            }
        }
    }
}
