using CcsviBot.Testing;

namespace CcsviBot.Core.Tests;

/// <summary>A test of the MedQuAD scale corpus: skipped, saying where to get the corpus, when it is absent.</summary>
public sealed class MedQuadFactAttribute : FactAttribute
{
    public MedQuadFactAttribute()
    {
        if (RepositoryPaths.MedQuad is null)
        {
            Skip = RepositoryPaths.MedQuadMissing;
        }
    }
}
