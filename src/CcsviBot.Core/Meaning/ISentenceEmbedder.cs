namespace CcsviBot.Core.Meaning;

/// <summary>
/// Turns a sentence into a vector of its meaning (a local sentence-embedding model), so that two wordings of one
/// question lie close together although they share few words. The core knows only this contract; the model lives in
/// CcsviBot.Meaning, and an engine without an embedder answers by its word-based ranking alone.
/// </summary>
public interface ISentenceEmbedder
{
    /// <summary>Names the model and its version: vectors of different models are never compared or cached together.</summary>
    string Model { get; }

    /// <summary>The text's vector, of unit length, so that the dot product of two vectors is their cosine. Thread-safe.</summary>
    float[] Embed(string text, CancellationToken cancellationToken = default);
}
