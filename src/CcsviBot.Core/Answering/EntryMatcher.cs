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
    double AnswerCoverage);

/// <summary>How the re-score mixes its parts; <see cref="Default"/> is chosen by the benchmark project's <c>calibrate</c> mode.</summary>
internal readonly record struct MatchWeights(double Phrasing, double PrecisionShare, double Answer, double Vocabulary, double Unknown, double FunctionWord, double SoftCredit)
{
    // Chosen by cross-validated right answers on the calibration's training data (dev set, never the evaluation set).
    public static MatchWeights Default { get; } = new(0.8, 0.7, 0.8, 0.4, 1, 0.3, 1);
}

/// <summary>
/// Re-scores the index's candidates the way a reader would judge an FAQ match: how much of the query's weighted
/// concepts one of the entry's phrasings (question or an alternate) covers, how much of that phrasing the query
/// covers back, and how much of the query the whole entry (answer included) covers. Concepts are weighted by
/// inverse document frequency over stems, so a word every entry shares ("ccsvi") decides little, and a topic word
/// the FAQ never mentions ("diabetes") pulls coverage down. The index only chooses the candidates: their order, and
/// so the index engine, never changes the ranking (equal scores keep the FAQ's order). Built once per snapshot; immutable.
/// </summary>
internal sealed class EntryMatcher
{
    private const double MinimumWeight = 0.15;
    private const int MinPhrasingsToIndex = 8;

    private readonly Dictionary<string, int> stemIds = new(StringComparer.Ordinal);
    private readonly List<int> documentFrequencies = [];
    private readonly List<int> textFrequencies = [];
    private readonly string[] sortedStems;
    private readonly HashSet<int> functionWordIds = [];
    private readonly double[] stemWeights;
    private readonly bool[] isFunctionWord;
    private readonly Dictionary<FaqEntry, EntryProfile> profiles = new(ReferenceEqualityComparer.Instance);
    private readonly int entryCount;
    private readonly double unknownWeight;
    private readonly int maxPhrasings;

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
        for (var position = 0; position < entries.Count; position++)
        {
            var entry = entries[position];
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

            var vocabulary = phrasings.SelectMany(p => p).Distinct().Order().ToArray();
            profiles.TryAdd(entry, new EntryProfile(position, phrasings, vocabulary, allStems, PhrasingsOfStem(phrasings)));
            maxPhrasings = Math.Max(maxPhrasings, phrasings.Length);
        }

        // Phrasing frequency tells FAQ questions apart; a word no phrasing uses is weighed by how many answers use it.
        stemWeights = documentFrequencies
            .Select((df, stem) => functionWordIds.Contains(stem) ? 0 : Math.Max(MinimumWeight, InverseDocumentFrequency(df > 0 ? df : textFrequencies[stem])))
            .ToArray();
        isFunctionWord = Enumerable.Range(0, documentFrequencies.Count).Select(functionWordIds.Contains).ToArray();
        foreach (var entry in profiles.Keys.ToList())
        {
            var profile = profiles[entry];
            profiles[entry] = profile with
            {
                PhrasingContentWeights = [.. profile.Phrasings.Select(p => p.Where(stem => !isFunctionWord[stem]).Sum(stem => stemWeights[stem]))],
                PhrasingFunctionWords = [.. profile.Phrasings.Select(p => p.Count(stem => isFunctionWord[stem]))],
            };
        }

        unknownWeight = InverseDocumentFrequency(0);
        sortedStems = [.. stemIds.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// For each topic stem, the phrasings (ascending) that hold it. Worth its memory only for entries with many
    /// phrasings (an FAQ like this one, not a question or two each): null for the others.
    /// </summary>
    private Dictionary<int, int[]>? PhrasingsOfStem(int[][] phrasings)
    {
        if (phrasings.Length < MinPhrasingsToIndex)
        {
            return null;
        }

        var lists = new Dictionary<int, List<int>>();
        for (var p = 0; p < phrasings.Length; p++)
        {
            foreach (var stem in phrasings[p].Where(stem => !functionWordIds.Contains(stem)))
            {
                if (!lists.TryGetValue(stem, out var list))
                {
                    lists[stem] = list = [];
                }

                list.Add(p);
            }
        }

        return lists.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
    }

    /// <summary>True when some entry uses a word with this stem (so the word is not a typo, whatever its form).</summary>
    public bool KnowsStem(string stem) => stemIds.ContainsKey(stem);

    public IReadOnlyList<MatchScore> Rank(AnalyzedQuery query, IReadOnlyList<FaqEntry> candidates) => Rank(query, candidates, MatchWeights.Default);

    public IReadOnlyList<MatchScore> Rank(AnalyzedQuery query, IReadOnlyList<FaqEntry> candidates, MatchWeights weights)
    {
        var topicConcepts = query.Terms.Select(t => ToConcept(t, weights.Unknown)).ToArray();
        var topicWeight = topicConcepts.Sum(c => c.Weight);
        if (topicWeight <= 0 || candidates.Count == 0)
        {
            return [];
        }

        var concepts = topicConcepts.Concat(query.FunctionWords.Select(w => FunctionConcept(w, weights.FunctionWord))).ToArray();
        var totalWeight = concepts.Sum(c => c.Weight);

        // The most a phrasing without any topic stem can reach: all the function words covered, combined ≤ coverage.
        var functionShare = (totalWeight - topicWeight) / totalWeight;

        var scores = new List<(MatchScore Match, TieBreak TieBreak)>(candidates.Count);
        var presentConcepts = new Concept[concepts.Length];
        Span<bool> holdsTopicBuffer = maxPhrasings <= 256 ? stackalloc bool[maxPhrasings] : new bool[maxPhrasings];
        foreach (var entry in candidates)
        {
            if (!profiles.TryGetValue(entry, out var profile))
            {
                continue;
            }

            // A form or related stem missing from the entry's whole vocabulary is in none of its phrasings: dropping those
            // once per entry spares the phrasing loop most of its look-ups (big synonym groups) and changes no score.
            for (var c = 0; c < concepts.Length; c++)
            {
                presentConcepts[c] = concepts[c].Within(profile.Vocabulary);
            }

            // Only phrasings holding a stem of some topic concept can cover one; the others can reach at most the
            // function words' share, so they are compared only when no topic phrasing beats that (identical results,
            // a fraction of the comparisons).
            var holdsTopic = holdsTopicBuffer[..profile.Phrasings.Length];
            if (profile.PhrasingsOfStem is null)
            {
                holdsTopic.Fill(true);
            }
            else
            {
                holdsTopic.Clear();
                for (var c = 0; c < topicConcepts.Length; c++)
                {
                    presentConcepts[c].MarkPhrasings(profile.PhrasingsOfStem, holdsTopic);
                }
            }

            double bestPhrasing = 0, bestCoverage = 0, bestPrecision = 0, bestExact = 0;
            for (var pass = 0; pass < 2; pass++)
            {
                var topicPass = pass == 0;
                if (!topicPass && bestPhrasing >= functionShare)
                {
                    break;
                }

                for (var p = 0; p < profile.Phrasings.Length; p++)
                {
                    if (holdsTopic[p] != topicPass)
                    {
                        continue;
                    }

                    var phrasingWeight = profile.PhrasingContentWeights[p] + (profile.PhrasingFunctionWords[p] * weights.FunctionWord);
                    var (coverage, precision, exact) = Compare(presentConcepts, totalWeight, profile.Phrasings[p], phrasingWeight, weights.FunctionWord, weights.SoftCredit);
                    var combined = Combine(coverage, precision, weights.PrecisionShare);
                    if (combined > bestPhrasing || (combined == bestPhrasing && exact > bestExact))
                    {
                        (bestPhrasing, bestCoverage, bestPrecision, bestExact) = (combined, coverage, precision, exact);
                    }
                }
            }

            double answerCoverage = 0, vocabularyCoverage = 0;
            foreach (var concept in topicConcepts)
            {
                answerCoverage += concept.Credit(profile.AllStems, weights.SoftCredit) * concept.Weight / topicWeight;
                vocabularyCoverage += concept.Credit(profile.Vocabulary, weights.SoftCredit) * concept.Weight / topicWeight;
            }

            var score = (weights.Phrasing * bestPhrasing) + (weights.Answer * answerCoverage) + (weights.Vocabulary * vocabularyCoverage);
            scores.Add((new MatchScore(entry, score, bestCoverage, bestPrecision, answerCoverage), new TieBreak(bestExact, profile.Position)));
        }

        scores.Sort(static (a, b) => BetterFirst(a, b));
        return scores.ConvertAll(s => s.Match);
    }

    /// <summary>
    /// Higher score first. On a tie, the phrasing that matched the words themselves beats one that matched only related
    /// forms ("what is ccsvi": "what is CCSVI?" before "what is CcsviBot"), then the FAQ's own order.
    /// </summary>
    private static int BetterFirst((MatchScore Match, TieBreak TieBreak) a, (MatchScore Match, TieBreak TieBreak) b) =>
        a.Match.Score != b.Match.Score ? b.Match.Score.CompareTo(a.Match.Score)
        : a.TieBreak.ExactCoverage != b.TieBreak.ExactCoverage ? b.TieBreak.ExactCoverage.CompareTo(a.TieBreak.ExactCoverage)
        : a.TieBreak.Position.CompareTo(b.TieBreak.Position);

    private readonly record struct TieBreak(double ExactCoverage, int Position);

    // Coverage matters more than precision: a short query fully inside a long phrasing is a good match.
    private static double Combine(double coverage, double precision, double precisionShare) =>
        coverage <= 0 ? 0 : coverage * (1 - precisionShare + (precisionShare * precision));

    /// <summary>The query share the phrasing covers (and of it, by the words themselves rather than related forms), and the phrasing share the query covers.</summary>
    private (double Coverage, double Precision, double Exact) Compare(Concept[] concepts, double totalWeight, int[] phrasing, double phrasingWeight, double functionWordWeight, double softCredit)
    {
        // Allocation-free: this runs for every phrasing of every candidate.
        Span<bool> matched = phrasing.Length <= 128 ? stackalloc bool[phrasing.Length] : new bool[phrasing.Length];
        double covered = 0, exact = 0, phrasingMatched = 0;
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
                    var at = Array.BinarySearch(phrasing, stem);
                    if (!matched[at])
                    {
                        matched[at] = true;
                        phrasingMatched += WeightOf(stem, functionWordWeight);
                    }
                }
            }

            if (conceptMatched)
            {
                covered += concept.Weight;
                exact += concept.Weight;
                continue;
            }

            foreach (var stem in concept.SoftStems)
            {
                var at = Array.BinarySearch(phrasing, stem);
                if (at >= 0)
                {
                    conceptMatched = true;
                    if (!matched[at])
                    {
                        matched[at] = true;
                        phrasingMatched += WeightOf(stem, functionWordWeight);
                    }
                }
            }

            if (conceptMatched)
            {
                covered += softCredit * concept.Weight;
            }
        }

        return (covered / totalWeight, phrasingWeight > 0 ? phrasingMatched / phrasingWeight : 0, exact / totalWeight);
    }

    private double WeightOf(int stem, double functionWordWeight) => isFunctionWord[stem] ? functionWordWeight : stemWeights[stem];

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

    private Concept FunctionConcept(string word, double weight) =>
        stemIds.TryGetValue(FunctionWordPrefix + word, out var id) ? new Concept([[id]], [], weight) : new Concept([], [], weight);

    /// <summary>A word no entry has weighs the rarest weight times <paramref name="unknownFactor"/>: it may be the topic ("alzheimers") or chatter.</summary>
    private Concept ToConcept(QueryTerm term, double unknownFactor)
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

        var conceptWeight = forms.Count > 0 ? Math.Max(weight, MinimumWeight) : soft.Count > 0 ? Math.Max(softWeight, MinimumWeight) : unknownWeight * unknownFactor;
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

    /// <summary>
    /// An entry's stems and its place in the FAQ. <see cref="PhrasingContentWeights"/> and <see cref="PhrasingFunctionWords"/> hold, per phrasing,
    /// the summed weight of its topic stems and its number of function words, so a comparison needs no second pass.
    /// </summary>
    private sealed record EntryProfile(int Position, int[][] Phrasings, int[] Vocabulary, int[] AllStems, Dictionary<int, int[]>? PhrasingsOfStem)
    {
        public double[] PhrasingContentWeights { get; init; } = [];

        public int[] PhrasingFunctionWords { get; init; } = [];
    }

    private sealed record Concept(int[][] Forms, int[] SoftStems, double Weight)
    {
        private const int SmallConcept = 3;

        /// <summary>The same concept with only the forms and related stems that occur in <paramref name="sortedStems"/>.</summary>
        public Concept Within(int[] sortedStems)
        {
            // Only big synonym groups repay a filtered copy; for a word or two the look-ups cost less than the copy.
            if (Forms.Length + SoftStems.Length <= SmallConcept)
            {
                return this;
            }

            var forms = Array.FindAll(Forms, form => ContainsAll(sortedStems, form));
            var softStems = Array.FindAll(SoftStems, stem => Array.BinarySearch(sortedStems, stem) >= 0);
            return forms.Length == Forms.Length && softStems.Length == SoftStems.Length ? this : this with { Forms = forms, SoftStems = softStems };
        }

        /// <summary>Marks every phrasing that holds the first stem of a form or a related stem: only those can match this concept.</summary>
        public void MarkPhrasings(Dictionary<int, int[]> phrasingsOfStem, Span<bool> marks)
        {
            foreach (var form in Forms)
            {
                Mark(form[0], phrasingsOfStem, marks);
            }

            foreach (var stem in SoftStems)
            {
                Mark(stem, phrasingsOfStem, marks);
            }
        }

        private static void Mark(int stem, Dictionary<int, int[]> phrasingsOfStem, Span<bool> marks)
        {
            if (phrasingsOfStem.TryGetValue(stem, out var phrasings))
            {
                foreach (var p in phrasings)
                {
                    marks[p] = true;
                }
            }
        }

        /// <summary>1 when a form occurs in the stems, <paramref name="softCredit"/> when only a related form does, else 0.</summary>
        public double Credit(int[] sortedStems, double softCredit)
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
                    return softCredit;
                }
            }

            return 0;
        }
    }
}
