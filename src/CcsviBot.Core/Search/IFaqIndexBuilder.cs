using CcsviBot.Core.Faq;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Search;

/// <summary>Builds the <see cref="IFaqIndex"/> of a snapshot; the knowledge base factory is given one.</summary>
public interface IFaqIndexBuilder
{
    /// <param name="analyzer">The snapshot's analysis chain: the index's terms are its stems, as the query's are.</param>
    IFaqIndex Build(IReadOnlyList<FaqEntry> entries, FaqAnalyzer analyzer);
}
