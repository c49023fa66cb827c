using CcsviBot.Core.Faq;
using CcsviBot.Core.Search;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Answering;

/// <summary>
/// Re-scores the index's candidates the way a reader would judge an FAQ match: how much of the query's weighted
/// concepts one of the entry's phrasings (question or an alternate) covers, how much of that phrasing the query
/// covers back, and how much of the query the whole entry (answer included) covers. Concepts are weighted by
/// inverse document frequency over stems, so a word every entry shares ("ccsvi") decides little, and a topic word
/// the FAQ never mentions ("diabetes") pulls coverage down. Affinity adds what no single phrasing shows: how often the
/// entry's phrasings, taken together, use the query's concepts (a naive Bayes likelihood over phrasings, shared out
/// among the candidates), so words that keep coming back in one entry's phrasings point to it even in new combinations.
/// Preference is the <see cref="PhrasingClassifier"/>'s share among the candidates: the same phrasings, with the words
/// weighed together by a discriminative model instead of one by one.
/// The index only chooses the candidates: their order, and so the index engine, never changes the ranking (equal scores
/// keep the FAQ's order). Built once per snapshot; immutable.
/// </summary>
internal sealed class EntryMatcher
{
    private const double MinimumWeight = 0.15;

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
    private readonly int maxSlots;

    public EntryMatcher(IReadOnlyList<FaqEntry> entries, FaqAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(analyzer);
        entryCount = entries.Count;

        // Answers repeat the same words many times over: stem each distinct word once.
        var stemIdOfWord = new Dictionary<string, int>(StringComparer.Ordinal);
        var stemIdOfSpan = stemIdOfWord.GetAlternateLookup<ReadOnlySpan<char>>();
        int WordStemId(ReadOnlySpan<char> word)
        {
            if (!stemIdOfSpan.TryGetValue(word, out var id))
            {
                var text = word.ToString();
                id = StemId(analyzer.Stem(text));
                stemIdOfWord[text] = id;
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

            // An answer's words as spans of its normal form: a large corpus's answers hold millions of words, and a string
            // per word was most of what building the matcher allocated.
            var answer = TextNormalizer.Normalize(entry.Answer).AsSpan();
            foreach (var range in answer.Split(' '))
            {
                if (range.End.Value > range.Start.Value)
                {
                    all.Add(WordStemId(answer[range]));
                }
            }

            var allStems = all.ToArray();
            Array.Sort(allStems);
            foreach (var stem in allStems)
            {
                textFrequencies[stem]++;
            }

            var profile = Profile(position, phrasings, allStems);
            profiles.TryAdd(entry, profile);
            maxPhrasings = Math.Max(maxPhrasings, profile.PhrasingCount);
            maxSlots = Math.Max(maxSlots, profile.Postings.Length);
        }

        // Phrasing frequency tells FAQ questions apart; a word no phrasing uses is weighed by how many answers use it.
        stemWeights = documentFrequencies
            .Select((df, stem) => functionWordIds.Contains(stem) ? 0 : Math.Max(MinimumWeight, InverseDocumentFrequency(df > 0 ? df : textFrequencies[stem])))
            .ToArray();
        isFunctionWord = Enumerable.Range(0, documentFrequencies.Count).Select(functionWordIds.Contains).ToArray();
        foreach (var entry in profiles.Keys.ToList())
        {
            profiles[entry] = WithPhrasingWeights(profiles[entry]);
        }

        unknownWeight = InverseDocumentFrequency(0);
        sortedStems = [.. stemIds.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// An entry's phrasings as postings: for each stem (function words too), the phrasings that hold it, in order, each
    /// with a slot that is unique to that stem in that phrasing. Comparing a query then walks the few postings of its
    /// stems instead of looking every stem up in every phrasing.
    /// </summary>
    private static EntryProfile Profile(int position, int[][] phrasings, int[] allStems)
    {
        var occurrences = new List<(int Stem, Posting Posting)>();
        for (int p = 0, slot = 0; p < phrasings.Length; p++)
        {
            foreach (var stem in phrasings[p])
            {
                occurrences.Add((stem, new Posting(p, slot++)));
            }
        }

        // Stable: each stem's postings stay in phrasing order.
        var sorted = occurrences.OrderBy(o => o.Stem).ToArray();
        var vocabulary = sorted.Select(o => o.Stem).Distinct().ToArray();
        var starts = new int[vocabulary.Length + 1];
        for (int i = 0, v = 0; i < sorted.Length; i++)
        {
            if (sorted[i].Stem != vocabulary[v])
            {
                starts[++v] = i;
            }
        }

        starts[vocabulary.Length] = sorted.Length;
        return new EntryProfile(position, phrasings.Length, vocabulary, starts, [.. sorted.Select(o => o.Posting)], allStems);
    }

    /// <summary>
    /// The profile with each phrasing's summed topic-stem weight and function-word count, read off its postings.
    /// Stems come in ascending order, as in the phrasings themselves, so each sum adds in the same order.
    /// </summary>
    private EntryProfile WithPhrasingWeights(EntryProfile profile)
    {
        var contentWeights = new double[profile.PhrasingCount];
        var functionWords = new int[profile.PhrasingCount];
        foreach (var stem in profile.Vocabulary)
        {
            foreach (var posting in profile.PostingsOf(stem))
            {
                if (isFunctionWord[stem])
                {
                    functionWords[posting.Phrasing]++;
                }
                else
                {
                    contentWeights[posting.Phrasing] += stemWeights[stem];
                }
            }
        }

        return profile with { PhrasingContentWeights = contentWeights, PhrasingFunctionWords = functionWords };
    }

    /// <summary>True when some entry uses a word with this stem (so the word is not a typo, whatever its form).</summary>
    public bool KnowsStem(string stem) => stemIds.ContainsKey(stem);

    /// <param name="classifier">Trained on the same entries' phrasings: its shares are <see cref="MatchScore.Preference"/>.</param>
    public IReadOnlyList<MatchScore> Rank(AnalyzedQuery query, IReadOnlyList<FaqEntry> candidates, MatchWeights weights, PhrasingClassifier classifier)
    {
        var topicConcepts = query.Terms.Select(t => ToConcept(t, weights.Unknown)).ToArray();
        var topicWeight = topicConcepts.Sum(c => c.Weight);
        if (topicWeight <= 0 || candidates.Count == 0)
        {
            return [];
        }

        var concepts = topicConcepts.Concat(query.FunctionWords.Select(w => FunctionConcept(w, weights.FunctionWord))).ToArray();
        var totalWeight = concepts.Sum(c => c.Weight);

        var parts = new List<(FaqEntry Entry, double Phrasing, double Coverage, double Precision, double Answer, double Vocabulary, double Likelihood, TieBreak TieBreak)>(candidates.Count);
        var longestForm = concepts.SelectMany(c => c.Forms).Select(f => f.Length).DefaultIfEmpty(1).Max();
        var onStack = maxPhrasings <= MaxPhrasingsOnStack && maxSlots <= MaxSlotsOnStack;
        var tally = new PhrasingTally(
            onStack ? stackalloc double[maxPhrasings] : new double[maxPhrasings],
            onStack ? stackalloc double[maxPhrasings] : new double[maxPhrasings],
            onStack ? stackalloc double[maxPhrasings] : new double[maxPhrasings],
            onStack ? stackalloc int[maxPhrasings] : new int[maxPhrasings],
            onStack ? stackalloc int[maxPhrasings] : new int[maxPhrasings],
            onStack ? stackalloc int[maxPhrasings] : new int[maxPhrasings],
            onStack ? stackalloc bool[maxSlots] : new bool[maxSlots],
            longestForm <= MaxFormStemsOnStack ? stackalloc int[longestForm] : new int[longestForm]);
        foreach (var entry in candidates)
        {
            if (!profiles.TryGetValue(entry, out var profile))
            {
                continue;
            }

            var likelihood = Tally(profile, concepts, topicConcepts.Length, weights, ref tally);
            double bestPhrasing = 0, bestCoverage = 0, bestPrecision = 0, bestExact = 0;
            for (var p = 0; p < profile.PhrasingCount; p++)
            {
                var phrasingWeight = profile.PhrasingContentWeights[p] + (profile.PhrasingFunctionWords[p] * weights.FunctionWord);
                var coverage = tally.Covered[p] / totalWeight;
                var precision = phrasingWeight > 0 ? tally.MatchedWeight[p] / phrasingWeight : 0;
                var exact = tally.Exact[p] / totalWeight;
                var combined = Combine(coverage, precision, weights.PrecisionShare);
                if (combined > bestPhrasing || (combined == bestPhrasing && exact > bestExact))
                {
                    (bestPhrasing, bestCoverage, bestPrecision, bestExact) = (combined, coverage, precision, exact);
                }
            }

            double answerCoverage = 0, vocabularyCoverage = 0;
            foreach (var concept in topicConcepts)
            {
                answerCoverage += concept.Credit(profile.AllStems, weights.SoftCredit) * concept.Weight / topicWeight;
                vocabularyCoverage += concept.Credit(profile.Vocabulary, weights.SoftCredit) * concept.Weight / topicWeight;
            }

            parts.Add((entry, bestPhrasing, bestCoverage, bestPrecision, answerCoverage, vocabularyCoverage, likelihood, new TieBreak(bestExact, profile.Position)));
        }

        // Each candidate's share of the candidates' summed likelihood; subtracting the highest keeps Exp in range.
        var highest = parts.Count == 0 ? 0 : parts.Max(p => p.Likelihood);
        var total = parts.Sum(p => Math.Exp(p.Likelihood - highest));
        var affinities = parts.ConvertAll(p => Math.Exp(p.Likelihood - highest) / total);
        var preferences = new double[parts.Count];
        if (classifier.IsTrained)
        {
            classifier.Shares(query, parts.ConvertAll(p => p.Entry), preferences);
        }
        else
        {
            // No model (a large corpus, one phrasing per entry): the naive Bayes share is the nearest stand-in, so the
            // confidence still sees a preference that speaks for the top candidate, as it did in calibration.
            affinities.CopyTo(preferences);
        }

        var scores = new List<(MatchScore Match, TieBreak TieBreak)>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var affinity = affinities[i];
            var score = (weights.Phrasing * part.Phrasing) + (weights.Answer * part.Answer) + (weights.Vocabulary * part.Vocabulary) + (weights.Affinity * affinity) + (weights.Preference * preferences[i]);
            scores.Add((new MatchScore(part.Entry, score, part.Coverage, part.Precision, part.Answer, affinity, preferences[i]), part.TieBreak));
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

    private const int MaxPhrasingsOnStack = 256;
    private const int MaxSlotsOnStack = 4096;
    private const int MaxFormStemsOnStack = 64;

    /// <summary>Per phrasing of one entry: the query weight it covers (and of it, by the words themselves), and its own matched weight.</summary>
    private ref struct PhrasingTally(Span<double> covered, Span<double> exact, Span<double> matchedWeight, Span<int> formHit, Span<int> softHit, Span<int> touched, Span<bool> matched, Span<int> slots)
    {
        public Span<double> Covered = covered;
        public Span<double> Exact = exact;
        public Span<double> MatchedWeight = matchedWeight;

        /// <summary>Stamps (concept number + 1): the phrasing matched a form, or only a related stem, of that concept.</summary>
        public Span<int> FormHit = formHit;
        public Span<int> SoftHit = softHit;

        /// <summary>The phrasings the current concept reached, so adding its weight visits only those.</summary>
        public Span<int> Touched = touched;

        /// <summary>By slot: the stem already counted once in its phrasing's matched weight.</summary>
        public Span<bool> Matched = matched;

        /// <summary>The slots of one form's stems in the phrasing at hand.</summary>
        public Span<int> Slots = slots;
    }

    /// <summary>
    /// For every phrasing of the entry at once, what comparing it with the concepts gives: a concept counts fully when
    /// one of its forms (all its stems) is in the phrasing, <see cref="MatchWeights.SoftCredit"/> when only a related
    /// stem is; each matched stem adds its weight to the phrasing's matched weight once. Sums run in concept, form and
    /// stem order, as a phrasing-by-phrasing comparison would add them. Returns the entry's log-likelihood of the first
    /// <paramref name="topicCount"/> concepts (the topic words), the basis of <see cref="MatchScore.Affinity"/>.
    /// </summary>
    private double Tally(EntryProfile profile, Concept[] concepts, int topicCount, MatchWeights weights, ref PhrasingTally tally)
    {
        var likelihood = 0.0;
        var count = profile.PhrasingCount;
        tally.Covered[..count].Clear();
        tally.Exact[..count].Clear();
        tally.MatchedWeight[..count].Clear();
        tally.FormHit[..count].Clear();
        tally.SoftHit[..count].Clear();
        tally.Matched[..profile.Postings.Length].Clear();
        for (var c = 0; c < concepts.Length; c++)
        {
            var concept = concepts[c];
            var stamp = c + 1;
            var touched = 0;
            foreach (var form in concept.Forms)
            {
                foreach (var first in profile.PostingsOf(form[0]))
                {
                    if (!profile.TrySlotsOf(form, first, tally.Slots))
                    {
                        continue;
                    }

                    var p = first.Phrasing;
                    if (tally.FormHit[p] != stamp)
                    {
                        tally.FormHit[p] = stamp;
                        tally.Touched[touched++] = p;
                    }

                    for (var s = 0; s < form.Length; s++)
                    {
                        Count(form[s], p, tally.Slots[s], weights.FunctionWord, ref tally);
                    }
                }
            }

            foreach (var p in tally.Touched[..touched])
            {
                tally.Covered[p] += concept.Weight;
                tally.Exact[p] += concept.Weight;
            }

            var formPhrasings = touched;
            touched = 0;
            foreach (var stem in concept.SoftStems)
            {
                foreach (var posting in profile.PostingsOf(stem))
                {
                    var p = posting.Phrasing;
                    if (tally.FormHit[p] == stamp)
                    {
                        continue;
                    }

                    if (tally.SoftHit[p] != stamp)
                    {
                        tally.SoftHit[p] = stamp;
                        tally.Touched[touched++] = p;
                    }

                    Count(stem, p, posting.Slot, weights.FunctionWord, ref tally);
                }
            }

            foreach (var p in tally.Touched[..touched])
            {
                tally.Covered[p] += weights.SoftCredit * concept.Weight;
            }

            // The concept's weight times the log of the share of phrasings using it (related forms at soft credit). A word
            // no entry knows is equally unlikely everywhere, so it says nothing about which entry and is left out.
            if (c < topicCount && concept.IsKnown)
            {
                var share = (formPhrasings + (weights.SoftCredit * touched) + Smoothing) / (count + (2 * Smoothing));
                likelihood += concept.Weight * Math.Log(share);
            }
        }

        return likelihood;
    }

    /// <summary>Additive smoothing of how many of an entry's phrasings use a concept, so one unseen word is not fatal.</summary>
    private const double Smoothing = 0.5;

    private void Count(int stem, int phrasing, int slot, double functionWordWeight, ref PhrasingTally tally)
    {
        if (!tally.Matched[slot])
        {
            tally.Matched[slot] = true;
            tally.MatchedWeight[phrasing] += WeightOf(stem, functionWordWeight);
        }
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
        foreach (var (_, all, allStems) in term.FormsWithStems)
        {
            // Phrasings hold content words only, so a multi-word form is matched on its content words ("lack of oxygen").
            var content = Enumerable.Range(0, all.Length).Where(i => all.Length == 1 || !StopWords.Contains(all[i])).ToArray();
            var stems = new int[content.Length];
            var known = true;
            var formWeight = 0.0;
            for (var i = 0; i < content.Length && known; i++)
            {
                known = stemIds.TryGetValue(allStems[content[i]], out stems[i]);
                if (known)
                {
                    formWeight = Math.Max(formWeight, stemWeights[stems[i]]);
                }
            }

            if (known && content.Length > 0)
            {
                forms.Add(stems);
                weight = Math.Max(weight, formWeight);
            }

            if (content.Length == 1)
            {
                foreach (var related in RelatedStems(allStems[content[0]]))
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
    /// An entry's stems and its place in the FAQ. <see cref="Vocabulary"/> holds its phrasings' stems (function words
    /// too), sorted; the postings of stem <c>Vocabulary[i]</c> are <c>Postings[PostingStarts[i]..PostingStarts[i + 1]]</c>.
    /// <see cref="PhrasingContentWeights"/> and <see cref="PhrasingFunctionWords"/> hold, per phrasing, the summed weight
    /// of its topic stems and its number of function words, so a comparison needs no second pass.
    /// </summary>
    private sealed record EntryProfile(int Position, int PhrasingCount, int[] Vocabulary, int[] PostingStarts, Posting[] Postings, int[] AllStems)
    {
        public double[] PhrasingContentWeights { get; init; } = [];

        public int[] PhrasingFunctionWords { get; init; } = [];

        public ReadOnlySpan<Posting> PostingsOf(int stem)
        {
            var at = Array.BinarySearch(Vocabulary, stem);
            return at < 0 ? [] : Postings.AsSpan(PostingStarts[at], PostingStarts[at + 1] - PostingStarts[at]);
        }

        /// <summary>The slots of every stem of <paramref name="form"/> in the phrasing of <paramref name="first"/> (a posting of its first stem), if all are there.</summary>
        public bool TrySlotsOf(int[] form, Posting first, Span<int> slots)
        {
            slots[0] = first.Slot;
            for (var s = 1; s < form.Length; s++)
            {
                var postings = PostingsOf(form[s]);
                var at = postings.BinarySearch(new PostingInPhrasing(first.Phrasing));
                if (at < 0)
                {
                    return false;
                }

                slots[s] = postings[at].Slot;
            }

            return true;
        }
    }

    /// <summary>A stem's occurrence: the phrasing that holds it and its slot, unique per stem and phrasing within the entry.</summary>
    private readonly record struct Posting(int Phrasing, int Slot);

    private readonly struct PostingInPhrasing(int phrasing) : IComparable<Posting>
    {
        public int CompareTo(Posting other) => phrasing.CompareTo(other.Phrasing);
    }

    private sealed record Concept(int[][] Forms, int[] SoftStems, double Weight)
    {
        /// <summary>Some entry uses one of its forms or a related stem.</summary>
        public bool IsKnown => Forms.Length > 0 || SoftStems.Length > 0;

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
