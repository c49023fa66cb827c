using System.Collections.Frozen;
using System.Runtime.InteropServices;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Safety;

/// <summary>
/// A multinomial logistic regression over <see cref="SituationReader"/> features, trained when a snapshot is built on
/// the labelled safety examples plus the FAQ's own phrasings, out-of-scope examples and small talk (ordinary). Stochastic
/// gradient descent with AdaGrad steps and a small ridge, in an order each example's text decides, so the same content
/// always gives the same model. Features are scaled by one over the square root of their count, so a long message is
/// not more certain than a short one for having more words. Immutable and thread-safe once trained.
/// </summary>
internal sealed class SituationClassifier
{
    private const int Classes = 4;
    private const int Epochs = 30;
    private const double LearningRate = 0.4;
    private const double Ridge = 1e-5;
    // Words and word pairs seen once are mostly one writer's habits; concepts are kept however rare.
    private const int MinWordCount = 2;

    private readonly SituationReader reader;
    private readonly FrozenDictionary<string, int> featureIndex;
    private readonly double[] weights;
    private readonly double[] biases;

    private SituationClassifier(SituationReader reader, FrozenDictionary<string, int> featureIndex, double[] weights, double[] biases)
    {
        this.reader = reader;
        this.featureIndex = featureIndex;
        this.weights = weights;
        this.biases = biases;
    }

    public bool IsTrained => featureIndex.Count > 0;

    public SituationReader Reader => reader;

    /// <summary>A model that knows nothing: every text scores as ordinary (no examples in the FAQ).</summary>
    public static SituationClassifier Untrained(SituationReader reader) =>
        new(reader, FrozenDictionary<string, int>.Empty, [], new double[Classes]);

    public static SituationClassifier Train(SituationReader reader, IReadOnlyList<(string[] Words, SafetyLabel Label)> examples)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0 || examples.All(e => e.Label == SafetyLabel.Ordinary))
        {
            return Untrained(reader);
        }

        var featureSets = examples.Select(e => reader.Features(e.Words)).ToArray();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in featureSets)
        {
            foreach (var feature in set)
            {
                counts[feature] = counts.GetValueOrDefault(feature) + 1;
            }
        }

        var index = counts
            .Where(c => c.Value >= MinWordCount || c.Key.StartsWith("c:", StringComparison.Ordinal) || c.Key.StartsWith("p:", StringComparison.Ordinal))
            .Select(c => c.Key)
            .Order(StringComparer.Ordinal)
            .Select((feature, i) => (feature, i))
            .ToFrozenDictionary(p => p.feature, p => p.i, StringComparer.Ordinal);
        var rows = featureSets.Select(set => set.Where(index.ContainsKey).Select(f => index[f]).Order().ToArray()).ToArray();

        // Each class weighs as much as any other in total, so the urgent examples are not drowned by ordinary ones.
        var classCounts = new int[Classes];
        foreach (var example in examples)
        {
            classCounts[(int)example.Label]++;
        }

        var present = classCounts.Count(c => c > 0);
        var classWeight = classCounts.Select(c => c == 0 ? 0 : (double)examples.Count / (present * c)).ToArray();

        var weights = new double[index.Count * Classes];
        var squares = new double[weights.Length];
        var biases = new double[Classes];
        var biasSquares = new double[Classes];
        var probabilities = new double[Classes];
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var textKeys = examples.Select(e => string.Join(' ', e.Words)).ToArray();
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            var keys = order.Select(i => StableHash.Of(textKeys[i] + "#" + epoch)).ToArray();
            Array.Sort(keys, order);
            foreach (var i in order)
            {
                var row = rows[i];
                var scale = row.Length == 0 ? 0 : 1 / Math.Sqrt(row.Length);
                Probabilities(row, scale, weights, biases, probabilities);
                var label = (int)examples[i].Label;
                for (var k = 0; k < Classes; k++)
                {
                    var gradient = (probabilities[k] - (k == label ? 1 : 0)) * classWeight[label];
                    biasSquares[k] += gradient * gradient;
                    biases[k] -= LearningRate * gradient / Math.Sqrt(biasSquares[k] + 1e-8);
                    foreach (var feature in row)
                    {
                        var slot = (feature * Classes) + k;
                        var g = (gradient * scale) + (Ridge * weights[slot]);
                        squares[slot] += g * g;
                        weights[slot] -= LearningRate * g / Math.Sqrt(squares[slot] + 1e-8);
                    }
                }
            }
        }

        return new SituationClassifier(reader, index, weights, biases);
    }

    public SituationScores Score(IReadOnlyList<string> words)
    {
        if (!IsTrained || words.Count == 0)
        {
            return SituationScores.None;
        }

        var stems = reader.Stems(words);
        var features = reader.FeaturesOfStems(stems, out var namesDanger);
        // Text with no word the examples ever used ("jjjjjj", "12345") carries no evidence: the class priors alone
        // would decide, and an urgent prior of one half (equal class weights) is above any recall-first threshold.
        // Nor does one known word among several unknown ones ("lorem ipsum dolor sit amet" knows only "sit"): that
        // word's weight alone would decide, with the full strength a one-word message has.
        var row = new List<int>(features.Count);
        var stemCount = 0;
        var knownStems = 0;
        foreach (var feature in features)
        {
            var known = featureIndex.TryGetValue(feature, out var index);
            if (known)
            {
                row.Add(index);
            }

            if (feature.StartsWith("s:", StringComparison.Ordinal))
            {
                stemCount++;
                knownStems += known ? 1 : 0;
            }
        }

        if (knownStems == 0 || (knownStems == 1 && stemCount > 2))
        {
            return SituationScores.None;
        }

        Span<double> probabilities = stackalloc double[Classes];
        // knownStems > 0, so the row is never empty here.
        Probabilities(CollectionsMarshal.AsSpan(row), 1 / Math.Sqrt(row.Count), weights, biases, probabilities);
        return new SituationScores(probabilities[0], probabilities[1], probabilities[2], probabilities[3]) { NamesDanger = namesDanger, TellsOwnStory = reader.TellsOwnStory(words) };
    }

    /// <summary>
    /// Why a text scored as it did: each feature of it the model knows, with its weight per class (emergency, crisis,
    /// info, ordinary) already scaled as <see cref="Score"/> scales it, most urgent-leaning first. For maintainers
    /// reading a false alarm or a miss; not used to decide.
    /// </summary>
    public IReadOnlyList<(string Feature, double[] Weights)> Explain(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var known = reader.Features(words).Where(featureIndex.ContainsKey).ToList();
        var scale = known.Count == 0 ? 0 : 1 / Math.Sqrt(known.Count);
        return known
            .Select(f => (Feature: f, Weights: Enumerable.Range(0, Classes).Select(k => weights[(featureIndex[f] * Classes) + k] * scale).ToArray()))
            .OrderByDescending(f => Math.Max(f.Weights[0], f.Weights[1]) - Math.Max(f.Weights[2], f.Weights[3]))
            .ToList();
    }

    private static void Probabilities(ReadOnlySpan<int> row, double scale, double[] weights, double[] biases, Span<double> probabilities)
    {
        var max = double.NegativeInfinity;
        for (var k = 0; k < Classes; k++)
        {
            var logit = biases[k];
            foreach (var feature in row)
            {
                logit += weights[(feature * Classes) + k] * scale;
            }

            probabilities[k] = logit;
            max = Math.Max(max, logit);
        }

        var sum = 0.0;
        for (var k = 0; k < Classes; k++)
        {
            probabilities[k] = Math.Exp(probabilities[k] - max);
            sum += probabilities[k];
        }

        for (var k = 0; k < Classes; k++)
        {
            probabilities[k] /= sum;
        }
    }
}
