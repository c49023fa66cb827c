using CcsviBot.Core.Faq;
using CcsviBot.Testing;

namespace CcsviBot.Benchmarks;

/// <summary>The two corpora measured: the CCSVI FAQ of this repository and the 16,407-entry MedQuAD scale corpus.</summary>
internal static class Corpora
{
    public const string Ccsvi = "ccsvi";
    public const string MedQuad = "medquad-16k";

    public static string RepositoryRoot => RepositoryPaths.Root;

    public static FaqContent Load(string corpus)
    {
        var path = PathOf(corpus);
        return FaqLoader.Load(path).Content ?? throw new InvalidOperationException($"cannot load {path}");
    }

    public static string PathOf(string corpus) => corpus == Ccsvi
        ? RepositoryPaths.Faq
        : RepositoryPaths.MedQuad ?? throw new FileNotFoundException("shared/bench/medquad-faq.jsonl.gz not found beside the repository");

    // Visitor-style questions, not taken from the evaluation set: short is at most 6 words, long 25 to 40.
    public static string ShortQuestion(string corpus) => corpus == Ccsvi ? "does liberation therapy really work" : "glaucoma early warning signs";

    public static string LongQuestion(string corpus) => corpus == Ccsvi
        ? "my partner was diagnosed with relapsing ms two years ago and keeps reading online that opening up the neck veins with a balloon could stop the disease, is there any good evidence that this actually helps people"
        : "my father is seventy two and his eye doctor said the pressure in his eyes is high and he might be getting glaucoma, what are the early symptoms and how is it usually treated at his age";
}
