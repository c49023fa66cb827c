using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Meaning;

/// <summary>
/// The meaning vectors of every entry's phrasings (its question and alternates), built once per snapshot: how close a
/// question comes to an entry is its cosine with the nearest of them. Vectors already known (from the previous snapshot
/// or the <see cref="EmbeddingStore"/> on disk) are reused: embedding the FAQ's 3,400 phrasings takes half a minute on
/// two cores, one changed alternate a few milliseconds. Immutable once built.
/// </summary>
internal sealed class PhrasingMeanings
{
    // Each entry's phrasing vectors end to end in one array: a question is compared with thousands of them, and one
    // contiguous run is read far faster than an array per phrasing.
    private readonly Dictionary<string, float[]> vectorsByEntry;

    private PhrasingMeanings(ISentenceEmbedder embedder, int dimensions, Dictionary<string, float[]> vectorsByEntry)
    {
        Embedder = embedder;
        Dimensions = dimensions;
        this.vectorsByEntry = vectorsByEntry;
    }

    public ISentenceEmbedder Embedder { get; }

    /// <summary>The length of every vector here; a question's vector of another length cannot be compared with them.</summary>
    public int Dimensions { get; }

    public static PhrasingMeanings Build(IReadOnlyList<FaqEntry> entries, ISentenceEmbedder embedder, EmbeddingStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(store);
        var phrasings = entries.DistinctBy(e => e.Id).Select(e => (e.Id, Texts: e.Alternates.Prepend(e.Question).Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal).ToArray())).ToList();
        // The model's own length, not the stored vectors': a stored vector of another length (a model changed under the
        // same name) is embedded again rather than compared with a question's vector it does not fit.
        // The probe is a phrasing too: it is stored with the others when missing, not embedded a second time.
        var probeText = entries.Count > 0 ? entries[0].Question : string.Empty;
        var probe = embedder.Embed(probeText, cancellationToken);
        var dimensions = probe.Length;
        var missing = phrasings.SelectMany(p => p.Texts).Distinct(StringComparer.Ordinal)
            .Where(text => store.Get(embedder.Model, text)?.Length != dimensions)
            .ToList();
        if (missing.Count > 0)
        {
            var computed = new float[missing.Count][];
            Parallel.For(0, missing.Count, new ParallelOptions { CancellationToken = cancellationToken },
                i => computed[i] = missing[i] == probeText ? probe : embedder.Embed(missing[i], cancellationToken));
            store.AddRange(embedder.Model, missing.Zip(computed));
        }

        var byEntry = phrasings.ToDictionary(p => p.Id, p => p.Texts.SelectMany(text => store.Get(embedder.Model, text)!).ToArray(), StringComparer.Ordinal);
        return new PhrasingMeanings(embedder, dimensions, byEntry);
    }

    /// <summary>The cosine between a question's vector (of <see cref="Dimensions"/>) and the entry's nearest phrasing; 0 for an entry without phrasings.</summary>
    public double Closeness(FaqEntry entry, ReadOnlySpan<float> question)
    {
        if (!vectorsByEntry.TryGetValue(entry.Id, out var vectors))
        {
            return 0;
        }

        var best = 0.0;
        for (var start = 0; start + question.Length <= vectors.Length; start += question.Length)
        {
            best = Math.Max(best, VectorMath.Dot(question, vectors.AsSpan(start, question.Length)));
        }

        return best;
    }
}
