using System.Runtime.CompilerServices;
using CcsviBot.Testing;

namespace CcsviBot.Core.Tests;

/// <summary>A test of the MedQuAD scale corpus: skipped, saying where to get the corpus, when it is absent.</summary>
public sealed class MedQuadFactAttribute : SkippableFactAttribute
{
    public MedQuadFactAttribute([CallerMemberName] string test = "")
        : base(test)
    {
        if (RepositoryPaths.MedQuad is null)
        {
            SkipBecause(RepositoryPaths.MedQuadMissing);
        }
    }
}
