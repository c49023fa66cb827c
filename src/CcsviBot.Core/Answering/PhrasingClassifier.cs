using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Search;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Answering;

/// <summary>
/// A multinomial logistic regression that learns, from the entries' own phrasings, which words and word pairs tell
/// each entry from the others. The matcher's affinity counts how often an entry's phrasings use each query word on its
/// own (naive Bayes); this model weighs the words together, so a word every entry shares learns no weight and a pair
/// ("family" with "history") can point elsewhere than its words do. Features: the stems of the query's concepts (a
/// synonym group is one feature), each pair of neighbouring concepts, and the function words ("what is" against "I
/// want"). Trained once per snapshot by stochastic gradient descent with AdaGrad steps and a small ridge, in an order
/// that each phrasing's own text decides, so the same content always gives the same model and a small edit a close
/// one. Immutable. A reload whose entries' ids, phrasings and synonyms are unchanged (an edited answer, source or review
/// date) reuses the live snapshot's model instead.
/// A large corpus (thousands of entries, usually one phrasing each) has nothing to learn from and would cost seconds:
/// above <see cref="MaxEntries"/> there is no model (<see cref="IsTrained"/> is false).
/// </summary>
internal sealed class PhrasingClassifier
{
    public const int MaxEntries = 1_000;

    private const int Epochs = 5;
    private const double LearningRate = 0.5;
    private const float Ridge = 1e-4f;

    private readonly Vocabulary vocabulary;
    // By entry id, not by entry: a model reused by the next snapshot meets that snapshot's entry objects.
    private readonly Dictionary<string, int> classOf;
    private readonly byte[] trainedOn;
    private readonly float[] weights;
    private readonly float[] biases;
    private readonly int width;

    private PhrasingClassifier(byte[] trainedOn, Vocabulary vocabulary, Dictionary<string, int> classOf, float[] weights, float[] biases)
    {
        this.trainedOn = trainedOn;
        this.vocabulary = vocabulary;
        this.classOf = classOf;
        this.weights = weights;
        this.biases = biases;
        width = biases.Length;
    }

    /// <summary>No model (<see cref="IsTrained"/> is false): the matcher uses the affinity instead.</summary>
    public static PhrasingClassifier None { get; } = new([], new Vocabulary(), new(StringComparer.Ordinal), [], []);

    /// <summary>
    /// The model for these entries and synonym groups: <paramref name="previous"/> (the live snapshot's) when it was
    /// trained on the same ids, phrasings and synonyms, else a new one.
    /// </summary>
    public static PhrasingClassifier Train(IReadOnlyList<FaqEntry> entries, IReadOnlyList<IReadOnlyList<string>> synonymGroups, FaqAnalyzer analyzer, PhrasingClassifier? previous = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(synonymGroups);
        ArgumentNullException.ThrowIfNull(analyzer);
        if (entries.Count < 2 || entries.Count > MaxEntries)
        {
            return None;
        }

        var trainedOn = Fingerprint(entries, synonymGroups);
        if (previous is not null && previous.trainedOn.AsSpan().SequenceEqual(trainedOn))
        {
            return previous;
        }

        var synonyms = new SynonymMap(synonymGroups);
        var vocabulary = new Vocabulary();
        var classOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var examples = new List<(int[] Features, int Class, uint Place)>();
        var concepts = new List<int>();
        var functionWords = new List<string>();
        foreach (var entry in entries)
        {
            if (!classOf.TryAdd(entry.Id, classOf.Count))
            {
                continue;
            }

            foreach (var phrasing in entry.Alternates.Prepend(entry.Question))
            {
                // As the query analyser reads a question, without its spelling correction: phrasings need none, and the
                // analyser needs the index, which is built at the same time as this model.
                var words = TextNormalizer.Words(phrasing);
                concepts.Clear();
                functionWords.Clear();
                for (var i = 0; i < words.Length;)
                {
                    var (span, forms) = synonyms.MatchAt(words, i);
                    if (span > 0)
                    {
                        AddOnce(concepts, vocabulary.LearnGroup(forms));
                        i += span;
                        continue;
                    }

                    var word = words[i++];
                    if (StopWords.Contains(word))
                    {
                        functionWords.Add(word);
                    }
                    else
                    {
                        AddOnce(concepts, vocabulary.LearnWord(word, analyzer));
                    }
                }

                var features = vocabulary.Features(concepts, functionWords, learn: true);
                if (features.Length > 0)
                {
                    examples.Add((features, classOf[entry.Id], PlaceOf(entry.Id, phrasing)));
                }
            }
        }

        var (weights, biases) = Fit(examples, vocabulary.FeatureCount, classOf.Count);
        return new PhrasingClassifier(trainedOn, vocabulary, classOf, weights, biases);
    }

    /// <summary>
    /// Where a phrasing goes in the training order: a hash of the phrasing itself, reshuffled each epoch. Stochastic
    /// gradient descent stops short of the exact optimum, so its result depends on the order; shuffling positions would
    /// let one added alternate reorder every example and swing the answers to unrelated questions. With the order a
    /// function of each phrasing, an edit moves only the phrasings it touches.
    /// </summary>
    private static uint PlaceOf(string entryId, string phrasing) => StableHash.Of(entryId + "\n" + phrasing);

    /// <summary>A 32-bit finaliser (MurmurHash3's): nearby inputs land far apart.</summary>
    private static uint Mix(uint value)
    {
        value ^= value >> 16;
        value *= 0x85EBCA6Bu;
        value ^= value >> 13;
        value *= 0xC2B2AE35u;
        return value ^ (value >> 16);
    }

    /// <summary>A SHA-256 of everything training reads, in order and length-prefixed: each entry's id and phrasings, then the synonym groups.</summary>
    private static byte[] Fingerprint(IReadOnlyList<FaqEntry> entries, IReadOnlyList<IReadOnlyList<string>> synonymGroups)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void AppendCount(int count)
        {
            Span<byte> bytes = stackalloc byte[sizeof(int)];
            BinaryPrimitives.WriteInt32LittleEndian(bytes, count);
            hash.AppendData(bytes);
        }

        void Append(IReadOnlyCollection<string> texts)
        {
            AppendCount(texts.Count);
            foreach (var text in texts)
            {
                AppendCount(text.Length);
                hash.AppendData(Encoding.UTF8.GetBytes(text));
            }
        }

        AppendCount(entries.Count);
        foreach (var entry in entries)
        {
            Append([entry.Id, entry.Question, .. entry.Alternates]);
        }

        AppendCount(synonymGroups.Count);
        foreach (var group in synonymGroups)
        {
            Append(group);
        }

        return hash.GetHashAndReset();
    }

    private static void AddOnce(List<int> concepts, int concept)
    {
        if (!concepts.Contains(concept))
        {
            concepts.Add(concept);
        }
    }

    /// <summary>
    /// The weights (feature by class, in single precision: the model is kept with every snapshot) and class biases. Each
    /// feature's row is padded to a whole number of SIMD vectors (padding classes have a bias of minus infinity, so
    /// they never take probability and never learn). Optimised at once: a snapshot trains one model, so tiered
    /// compilation would otherwise run most of the training in unoptimised code.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (float[] Weights, float[] Biases) Fit(List<(int[] Features, int Class, uint Place)> examples, int featureCount, int classCount)
    {
        var width = RowWidth(classCount);
        var weights = new float[featureCount * width];
        var biases = new float[width];
        biases.AsSpan(classCount).Fill(float.NegativeInfinity);
        var squaredGradients = new double[featureCount];
        var biasSquaredGradients = 0.0;
        var gradients = new float[width];
        var order = new int[examples.Count];
        var sortKeys = new ulong[examples.Count];
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            for (var n = 0; n < order.Length; n++)
            {
                order[n] = n;
                sortKeys[n] = ((ulong)Mix(examples[n].Place + ((uint)epoch * 0x9E3779B9u)) << 32) | (uint)n;
            }

            Array.Sort(sortKeys, order);
            foreach (var n in order)
            {
                var (features, label, _) = examples[n];
                Probabilities(features, weights, biases, gradients);
                gradients[label] -= 1;
                Step(biases, ref biasSquaredGradients, gradients, ridge: 0);
                foreach (var f in features)
                {
                    Step(weights.AsSpan(f * width, width), ref squaredGradients[f], gradients, Ridge);
                }
            }
        }

        return (weights, biases);
    }

    private static int RowWidth(int classCount) => (classCount + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

    /// <summary>True when there is a model (see <see cref="MaxEntries"/>).</summary>
    public bool IsTrained => classOf.Count > 0;

    /// <summary>Each candidate's share of the model's probability among the candidates, in their order (only when <see cref="IsTrained"/>).</summary>
    public void Shares(AnalyzedQuery query, IReadOnlyList<FaqEntry> candidates, Span<double> shares)
    {
        if (!IsTrained)
        {
            throw new InvalidOperationException("There is no model for this content.");
        }

        var concepts = new int[query.Terms.Count];
        for (var t = 0; t < concepts.Length; t++)
        {
            concepts[t] = vocabulary.ConceptOf(query.Terms[t]);
        }

        var features = vocabulary.Features(concepts, query.FunctionWords, learn: false);
        var highest = double.MinValue;
        for (var c = 0; c < candidates.Count; c++)
        {
            if (!classOf.TryGetValue(candidates[c].Id, out var k))
            {
                shares[c] = double.NegativeInfinity;
                continue;
            }

            var logit = biases[k];
            foreach (var f in features)
            {
                logit += weights[(f * width) + k];
            }

            shares[c] = logit;
            highest = Math.Max(highest, logit);
        }

        var total = 0.0;
        for (var c = 0; c < candidates.Count; c++)
        {
            shares[c] = double.IsNegativeInfinity(shares[c]) ? 0 : Math.Exp(shares[c] - highest);
            total += shares[c];
        }

        for (var c = 0; c < candidates.Count; c++)
        {
            shares[c] = total > 0 ? shares[c] / total : 0;
        }
    }

    /// <summary>
    /// One AdaGrad step on a row of weights (one per class), with one step size per row from the row's summed squared
    /// gradients: a square root per feature rather than per weight. A class the model already all but rules out has a
    /// gradient near 0: skipping it costs nothing in accuracy and, after the first epoch, most of the training time.
    /// The squares are summed in class order, whatever the vector width, so every machine trains the same model.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Step(Span<float> row, ref double squaredGradients, float[] gradients, float ridge)
    {
        var rowVectors = MemoryMarshal.Cast<float, Vector<float>>(row);
        var gradientVectors = MemoryMarshal.Cast<float, Vector<float>>(gradients.AsSpan());
        Span<float> steps = stackalloc float[row.Length];
        var stepVectors = MemoryMarshal.Cast<float, Vector<float>>(steps);
        var negligible = new Vector<float>(NegligibleGradient);
        for (var i = 0; i < rowVectors.Length; i++)
        {
            var gradient = gradientVectors[i];
            var counts = Vector.GreaterThanOrEqual(Vector.Abs(gradient), negligible);
            stepVectors[i] = Vector.ConditionalSelect(counts, gradient + (rowVectors[i] * ridge), Vector<float>.Zero);
        }

        var sum = 0.0;
        foreach (var step in steps)
        {
            sum += step * step;
        }

        squaredGradients += sum;
        var rate = (float)(LearningRate / Math.Sqrt(squaredGradients + 1e-12));
        for (var i = 0; i < rowVectors.Length; i++)
        {
            rowVectors[i] -= stepVectors[i] * rate;
        }
    }

    private const float NegligibleGradient = 1e-3f;

    /// <summary>The softmax over the classes (padding classes get 0), into <paramref name="into"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Probabilities(int[] features, float[] weights, float[] biases, float[] into)
    {
        var width = biases.Length;
        biases.CopyTo(into, 0);
        var sums = MemoryMarshal.Cast<float, Vector<float>>(into.AsSpan());
        foreach (var f in features)
        {
            var row = MemoryMarshal.Cast<float, Vector<float>>(weights.AsSpan(f * width, width));
            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] += row[i];
            }
        }

        var highest = float.NegativeInfinity;
        foreach (var logit in into)
        {
            highest = Math.Max(highest, logit);
        }

        var total = 0.0;
        for (var k = 0; k < width; k++)
        {
            into[k] = MathF.Exp(into[k] - highest);
            total += into[k];
        }

        var scale = new Vector<float>((float)(1 / total));
        for (var i = 0; i < sums.Length; i++)
        {
            sums[i] *= scale;
        }
    }

    /// <summary>A synonym group is one concept whichever of its terms was typed.</summary>
    private static string GroupKey(IReadOnlyList<string> forms) => "=" + forms.Min(StringComparer.Ordinal);

    /// <summary>
    /// Concepts (stems, synonym groups) and features by number. A feature is a concept, a pair of neighbouring concepts
    /// (in either order), or a function word. Filled while training, then only read.
    /// </summary>
    private sealed class Vocabulary
    {
        private const int Unknown = -1;

        private readonly Dictionary<string, int> conceptIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> conceptOfWord = new(StringComparer.Ordinal);
        private readonly Dictionary<long, int> conceptFeatures = [];
        private readonly Dictionary<string, int> functionWordFeatures = new(StringComparer.Ordinal);

        public int FeatureCount => conceptFeatures.Count + functionWordFeatures.Count;

        /// <summary>A phrasing's word: its stem's concept. Phrasings repeat the same few thousand words, so each is stemmed once.</summary>
        public int LearnWord(string word, FaqAnalyzer analyzer)
        {
            if (!conceptOfWord.TryGetValue(word, out var id))
            {
                id = AddConcept(analyzer.Stem(word));
                conceptOfWord[word] = id;
            }

            return id;
        }

        /// <summary>A synonym term of a phrasing (<paramref name="forms"/>, the typed one first): its group's concept.</summary>
        public int LearnGroup(IReadOnlyList<string> forms)
        {
            if (!conceptOfWord.TryGetValue(forms[0], out var id))
            {
                id = AddConcept(GroupKey(forms));
                conceptOfWord[forms[0]] = id;
            }

            return id;
        }

        /// <summary>A query concept's number; a word no phrasing uses in any form is unknown.</summary>
        public int ConceptOf(QueryTerm term) =>
            conceptOfWord.TryGetValue(term.Text, out var id) ? id
            : conceptIds.GetValueOrDefault(term.Alternatives.Count > 0 ? GroupKey([.. term.Forms]) : term.Stems[0][0], Unknown);

        private int AddConcept(string key)
        {
            if (!conceptIds.TryGetValue(key, out var id))
            {
                id = conceptIds.Count;
                conceptIds[key] = id;
            }

            return id;
        }

        /// <summary>
        /// The distinct features of a text. While training, new ones get numbers; afterwards the vocabulary is only read
        /// (by any number of threads at once) and unknown ones are left out.
        /// </summary>
        public int[] Features(IReadOnlyList<int> concepts, IReadOnlyList<string> functionWords, bool learn)
        {
            var features = new List<int>((2 * concepts.Count) + functionWords.Count);
            void Add<TKey>(Dictionary<TKey, int> known, TKey key)
                where TKey : notnull
            {
                if (known.TryGetValue(key, out var id))
                {
                    // A text may repeat a function word or a pair ("ms … ccsvi … ms"); the model counts each feature once.
                    if (!features.Contains(id))
                    {
                        features.Add(id);
                    }
                }
                else if (learn)
                {
                    features.Add(known[key] = FeatureCount);
                }
            }

            for (var i = 0; i < concepts.Count; i++)
            {
                if (concepts[i] == Unknown)
                {
                    continue;
                }

                Add(conceptFeatures, concepts[i]);
                if (i > 0 && concepts[i - 1] != Unknown)
                {
                    var (low, high) = concepts[i - 1] < concepts[i] ? (concepts[i - 1], concepts[i]) : (concepts[i], concepts[i - 1]);
                    Add(conceptFeatures, ((long)(low + 1) << 32) | (uint)high);
                }
            }

            foreach (var word in functionWords)
            {
                Add(functionWordFeatures, word);
            }

            return [.. features];
        }
    }
}
