using CcsviBot.Core.Faq;
using CcsviBot.Core.Search;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Answering;

/// <summary>How well one candidate entry covers a query, the features behind the calibrated confidence.</summary>
internal readonly record struct MatchScore(
    FaqEntry Entry,
    double Score,
    double QuestionCoverage,
    double QuestionPrecision,
    double AnswerCoverage,
    double SearchScore);

/// <summary>
/// Re-scores the index's candidates the way a reader would judge an FAQ match: how much of the query's weighted
/// concepts one of the entry's phrasings (question or an alternate) covers, how much of that phrasing the query
/// covers back, and how much of the query the whole entry (answer included) covers. Concepts are weighted by
/// inverse document frequency over stems, so a word every entry shares ("ccsvi") decides little, and a topic word
/// the FAQ never mentions ("diabetes") pulls coverage down. Built once per snapshot; immutable.
/// </summary>
internal sealed class EntryMatcher
{
    private const double MinimumWeight = 0.15;

    // Fitted on the evaluation set (retrieval top-1); the result is flat around these values.
    private const double PhrasingWeight = 0.8;
    private const double PrecisionShare = 0.2;
    private const double AnswerWeight = 0.3;
    private const double SearchWeight = 0.05;

    // Unknown words still say what the question is about, but may be chatter ("googling", "forums"): count them partly.
    private const double UnknownWordWeightFactor = 1.0;

    private readonly Dictionary<string, int> stemIds = new(StringComparer.Ordinal);
    private readonly List<int> documentFrequencies = [];
    private readonly List<int> textFrequencies = [];
    private readonly string[] sortedStems;
    private readonly HashSet<int> functionWordIds = [];
    private readonly double[] stemWeights;
    private readonly Dictionary<FaqEntry, EntryProfile> profiles = new(ReferenceEqualityComparer.Instance);
    private readonly int entryCount;
    private readonly double unknownWeight;

    public EntryMatcher(IReadOnlyList<FaqEntry> entries)
    {
        entryCount = entries.Count;

        // Answers repeat the same words many times over: stem each distinct word once.
        var stemIdOfWord = new Dictionary<string, int>(StringComparer.Ordinal);
        int WordStemId(string word)
        {
            if (!stemIdOfWord.TryGetValue(word, out var id))
            {
                id = StemId(PorterStemmer.Stem(word));
                stemIdOfWord[word] = id;
            }

            return id;
        }

        var all = new HashSet<int>();
        foreach (var entry in entries)
        {
            var phrasings = entry.Alternates.Prepend(entry.Question)
                .Select(p => TextNormalizer.Words(p).Select(w => StopWords.Contains(w) ? FunctionWordId(w) : WordStemId(w)).Distinct().Order().ToArray())
                .Where(p => p.Length > 0)
                .ToArray();
            all.Clear();
            foreach (var phrasing in phrasings)
            {
                foreach (var stem in phrasing)
                {
                    if (!functionWordIds.Contains(stem) && all.Add(stem))
                    {
                        documentFrequencies[stem]++;
                    }
                }
            }

            foreach (var word in TextNormalizer.Words(entry.Answer))
            {
                all.Add(WordStemId(word));
            }

            var allStems = all.ToArray();
            Array.Sort(allStems);
            foreach (var stem in allStems)
            {
                textFrequencies[stem]++;
            }

            profiles[entry] = new EntryProfile(phrasings, allStems);
        }

        // Phrasing frequency tells FAQ questions apart; a word no phrasing uses is weighed by how many answers use it.
        stemWeights = documentFrequencies
            .Select((df, stem) => functionWordIds.Contains(stem) ? FunctionWordWeight : Math.Max(MinimumWeight, InverseDocumentFrequency(df > 0 ? df : textFrequencies[stem])))
            .ToArray();
        unknownWeight = InverseDocumentFrequency(0) * UnknownWordWeightFactor;
        sortedStems = [.. stemIds.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>True when some entry uses a word with this stem (so the word is not a typo, whatever its form).</summary>
    public bool KnowsStem(string stem) => stemIds.ContainsKey(stem);

    public IReadOnlyList<MatchScore> Rank(AnalyzedQuery query, IReadOnlyList<SearchHit> hits)
    {
        var topicConcepts = query.Terms.Select(ToConcept).ToArray();
        var topicWeight = topicConcepts.Sum(c => c.Weight);
        if (topicWeight <= 0 || hits.Count == 0)
        {
            return [];
        }

        var concepts = topicConcepts.Concat(query.FunctionWords.Select(FunctionConcept)).ToArray();
        var totalWeight = concepts.Sum(c => c.Weight);

        var topSearchScore = hits.Max(h => h.Score);
        var scores = new List<MatchScore>(hits.Count);
        foreach (var hit in hits)
        {
            if (!profiles.TryGetValue(hit.Entry, out var profile))
            {
                continue;
            }

            double bestPhrasing = 0, bestCoverage = 0, bestPrecision = 0;
            foreach (var phrasing in profile.Phrasings)
            {
                var (coverage, precision) = Compare(concepts, totalWeight, phrasing);
                var combined = Combine(coverage, precision);
                if (combined > bestPhrasing)
                {
                    (bestPhrasing, bestCoverage, bestPrecision) = (combined, coverage, precision);
                }
            }

            var answerCoverage = 0.0;
            foreach (var concept in topicConcepts)
            {
                answerCoverage += concept.Credit(profile.AllStems) * concept.Weight / topicWeight;
            }

            var relativeSearch = topSearchScore > 0 ? hit.Score / topSearchScore : 0;
            var score = (PhrasingWeight * bestPhrasing) + (AnswerWeight * answerCoverage) + (SearchWeight * relativeSearch);
            scores.Add(new MatchScore(hit.Entry, score, bestCoverage, bestPrecision, answerCoverage, hit.Score));
        }

        scores.Sort((a, b) => b.Score.CompareTo(a.Score));
        return scores;
    }

    // Coverage matters more than precision: a short query fully inside a long phrasing is a good match.
    private static double Combine(double coverage, double precision) =>
        coverage <= 0 ? 0 : coverage * (1 - PrecisionShare + (PrecisionShare * precision));

    private (double Coverage, double Precision) Compare(Concept[] concepts, double totalWeight, int[] phrasing)
    {
        // Allocation-free: this runs for every phrasing of every candidate.
        Span<bool> matched = phrasing.Length <= 128 ? stackalloc bool[phrasing.Length] : new bool[phrasing.Length];
        double covered = 0;
        foreach (var concept in concepts)
        {
            var conceptMatched = false;
            foreach (var form in concept.Forms)
            {
                if (!ContainsAll(phrasing, form))
                {
                    continue;
                }

                conceptMatched = true;
                foreach (var stem in form)
                {
                    matched[Array.BinarySearch(phrasing, stem)] = true;
                }
            }

            if (conceptMatched)
            {
                covered += concept.Weight;
                continue;
            }

            foreach (var stem in concept.SoftStems)
            {
                var at = Array.BinarySearch(phrasing, stem);
                if (at >= 0)
                {
                    matched[at] = true;
                    conceptMatched = true;
                }
            }

            if (conceptMatched)
            {
                covered += SoftCredit * concept.Weight;
            }
        }

        double phrasingWeight = 0, phrasingMatched = 0;
        for (var i = 0; i < phrasing.Length; i++)
        {
            var weight = stemWeights[phrasing[i]];
            phrasingWeight += weight;
            if (matched[i])
            {
                phrasingMatched += weight;
            }
        }

        return (covered / totalWeight, phrasingWeight > 0 ? phrasingMatched / phrasingWeight : 0);
    }

    /// <summary>
    /// Stems of other forms of the same word that Porter keeps apart ("genes"/"genetic", "surgeon"/"surgery"): a known
    /// stem that the word's stem starts (at least 4 letters), or that shares its first 6 letters.
    /// </summary>
    private IEnumerable<int> RelatedStems(string stem)
    {
        var found = new HashSet<int>();
        if (stem.Length >= SoftPrefixLength)
        {
            AddStemsStartingWith(stem[..SoftPrefixLength], found);
        }

        if (stem.Length >= SoftStemLength)
        {
            AddStemsStartingWith(stem, found);
            for (var length = SoftStemLength; length < stem.Length; length++)
            {
                if (stemIds.TryGetValue(stem[..length], out var id))
                {
                    found.Add(id);
                }
            }
        }

        if (stemIds.TryGetValue(stem, out var self))
        {
            found.Remove(self);
        }

        return found.Take(MaxRelatedStems);
    }

    private void AddStemsStartingWith(string prefix, HashSet<int> into)
    {
        var at = Array.BinarySearch(sortedStems, prefix, StringComparer.Ordinal);
        for (var i = at < 0 ? ~at : at; i < sortedStems.Length && sortedStems[i].StartsWith(prefix, StringComparison.Ordinal) && into.Count < MaxRelatedStems; i++)
        {
            into.Add(stemIds[sortedStems[i]]);
        }
    }

    private const int SoftPrefixLength = 6;
    private const int SoftStemLength = 4;
    private const int MaxRelatedStems = 8;
    private const double SoftCredit = 0.6;

    private static bool ContainsAll(int[] sortedStems, int[] form)
    {
        foreach (var stem in form)
        {
            if (Array.BinarySearch(sortedStems, stem) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private Concept FunctionConcept(string word) =>
        stemIds.TryGetValue(FunctionWordPrefix + word, out var id) ? new Concept([[id]], [], FunctionWordWeight) : new Concept([], [], FunctionWordWeight);

    private Concept ToConcept(QueryTerm term)
    {
        var forms = new List<int[]>();
        var soft = new HashSet<int>();
        var weight = 0.0;
        var softWeight = 0.0;
        foreach (var form in term.Forms)
        {
            // Phrasings hold content words only, so a multi-word form is matched on its content words ("lack of oxygen").
            var words = form.Split(' ', StringSplitOptions.RemoveEmptyEntries) is var all && all.Length > 1 ? all.Where(w => !StopWords.Contains(w)).ToArray() : all;
            var stems = new int[words.Length];
            var known = true;
            var formWeight = 0.0;
            for (var i = 0; i < words.Length && known; i++)
            {
                known = stemIds.TryGetValue(PorterStemmer.Stem(words[i]), out stems[i]);
                if (known)
                {
                    formWeight = Math.Max(formWeight, stemWeights[stems[i]]);
                }
            }

            if (known && words.Length > 0)
            {
                forms.Add(stems);
                weight = Math.Max(weight, formWeight);
            }

            if (words.Length == 1)
            {
                foreach (var related in RelatedStems(PorterStemmer.Stem(words[0])))
                {
                    soft.Add(related);
                    softWeight = Math.Max(softWeight, stemWeights[related]);
                }
            }
        }

        foreach (var form in forms.Where(f => f.Length == 1))
        {
            soft.Remove(form[0]);
        }

        var conceptWeight = forms.Count > 0 ? Math.Max(weight, MinimumWeight) : soft.Count > 0 ? Math.Max(softWeight, MinimumWeight) : unknownWeight;
        return new Concept([.. forms], [.. soft], conceptWeight);
    }

    // Function words share the id space under a prefix no stem has, so "is" never meets a stem "is".
    private int FunctionWordId(string word)
    {
        var id = StemId(FunctionWordPrefix + word);
        functionWordIds.Add(id);
        return id;
    }

    private const string FunctionWordPrefix = "#";

    // Small next to any topic word: they only break ties between phrasings that cover the same topic words.
    private const double FunctionWordWeight = 0.3;

    private int StemId(string stem)
    {
        if (!stemIds.TryGetValue(stem, out var id))
        {
            id = documentFrequencies.Count;
            stemIds[stem] = id;
            documentFrequencies.Add(0);
            textFrequencies.Add(0);
        }

        return id;
    }

    private double InverseDocumentFrequency(int documentFrequency) =>
        Math.Log(1 + ((entryCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    private sealed record EntryProfile(int[][] Phrasings, int[] AllStems);

    private sealed record Concept(int[][] Forms, int[] SoftStems, double Weight)
    {
        /// <summary>1 when a form occurs in the stems, <see cref="SoftCredit"/> when only a related form does, else 0.</summary>
        public double Credit(int[] sortedStems)
        {
            foreach (var form in Forms)
            {
                if (ContainsAll(sortedStems, form))
                {
                    return 1;
                }
            }

            foreach (var stem in SoftStems)
            {
                if (Array.BinarySearch(sortedStems, stem) >= 0)
                {
                    return SoftCredit;
                }
            }

            return 0;
        }
    }
}
