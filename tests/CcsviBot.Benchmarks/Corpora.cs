using CcsviBot.Core.Faq;
using CcsviBot.Testing;

namespace CcsviBot.Benchmarks;

/// <summary>The two corpora measured: the CCSVI FAQ of this repository and the 16,407-entry MedQuAD scale corpus.</summary>
internal static class Corpora
{
    public const string Ccsvi = "ccsvi";
    public const string MedQuad = "medquad-16k";

    public static string RepositoryRoot => RepositoryPaths.Root;

    public static bool MedQuadAvailable => RepositoryPaths.MedQuad is not null;

    public static FaqContent Load(string corpus)
    {
        var path = PathOf(corpus);
        return FaqLoader.Load(path).Content ?? throw new InvalidOperationException($"cannot load {path}");
    }

    public static string PathOf(string corpus) => corpus == Ccsvi
        ? RepositoryPaths.Faq
        : RepositoryPaths.MedQuad ?? throw new FileNotFoundException(RepositoryPaths.MedQuadMissing);

    /// <summary>
    /// The corpora present on this machine, for the benchmarks' <c>[ParamsSource]</c>: the MedQuAD corpus is not in the
    /// repository, so without it its measurements are skipped, with the reason on stderr, instead of failing.
    /// </summary>
    public static IEnumerable<string> Available()
    {
        yield return Ccsvi;
        if (RepositoryPaths.MedQuad is null)
        {
            Console.Error.WriteLine($"Skipping {MedQuad}: {RepositoryPaths.MedQuadMissing}");
            yield break;
        }

        yield return MedQuad;
    }

    // Visitor-style questions, not taken from the evaluation set: short is at most 6 words, long 25 to 40.
    public static string ShortQuestion(string corpus) => corpus == Ccsvi ? "does liberation therapy really work" : "glaucoma early warning signs";

    /// <summary>
    /// A dozen short questions on different topics (none an entry's own phrasing, so none takes the exact-match shortcut):
    /// one question can hit an unusually cheap or dear path, the mix shows the typical cost.
    /// </summary>
    public static IReadOnlyList<string> ShortQuestionMix(string corpus) => corpus == Ccsvi
        ?
        [
            "is the liberation procedure dangerous", "ccsvi and ms link", "can ccsvi be inherited", "what happens during venoplasty",
            "do stents help ccsvi", "ccsvi scan how is it done", "does the nhs offer ccsvi treatment", "iron build up in ms brains",
            "should i stop my ms drugs", "what is the cosmo study", "does liberation therapy really work", "whats ccsvi about",
        ]
        :
        [
            "what causes gout", "high blood pressure in pregnancy", "is psoriasis contagious", "early signs of parkinson's",
            "how is lyme disease treated", "cystic fibrosis life expectancy", "can shingles come back", "what is sickle cell anemia",
            "migraine with aura symptoms", "is celiac disease genetic", "glaucoma early warning signs", "kidney stones in children",
        ];

    public static string LongQuestion(string corpus) => corpus == Ccsvi
        ? "my partner was diagnosed with relapsing ms two years ago and keeps reading online that opening up the neck veins with a balloon could stop the disease, is there any good evidence that this actually helps people"
        : "my father is seventy two and his eye doctor said the pressure in his eyes is high and he might be getting glaucoma, what are the early symptoms and how is it usually treated at his age";
}
