using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace CcsviBot.Core.Text;

/// <summary>
/// <see cref="FaqAnalyzer"/>'s filters after the tokenizer, with each distinct word's result remembered: every filter of
/// the chain reads one word alone (possessive, folding, apostrophes, lower case, protected words, Porter), so a word
/// always gives the same stem, or none when the chain drops it. The chain then runs once per distinct word instead of
/// once per word; building the 47k-entry corpus's index analyses about ten million words of a few hundred thousand
/// kinds, and the chain was about half of its indexing time. Only for writing an index (the memory lives as long as
/// the analyser that writes it): questions are analysed by the plain chain.
/// </summary>
internal sealed class StemCacheFilter : TokenFilter
{
    // A bound, so an unusual corpus (millions of distinct tokens) cannot hold more than a few tens of megabytes.
    private const int MaxWords = 1 << 20;

    private readonly ICharTermAttribute term;
    private readonly WordSource word = new();
    private readonly TokenStream chain;
    private readonly ICharTermAttribute chainTerm;
    private readonly Dictionary<string, string?> stems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> stemOf;

    public StemCacheFilter(TokenStream input)
        : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
        chain = FaqAnalyzer.Filters(word);
        chainTerm = chain.GetAttribute<ICharTermAttribute>();
        stemOf = stems.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public override bool IncrementToken()
    {
        while (m_input.IncrementToken())
        {
            var raw = term.Buffer.AsSpan(0, term.Length);
            if (!stemOf.TryGetValue(raw, out var stem))
            {
                stem = Analyse(raw);
                if (stems.Count < MaxWords)
                {
                    stemOf[raw] = stem;
                }
            }

            if (stem is not null)
            {
                term.SetEmpty().Append(stem);
                return true;
            }
        }

        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            chain.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The word through the chain: its stem, or null when the chain drops it.</summary>
    private string? Analyse(ReadOnlySpan<char> raw)
    {
        word.Set(raw);
        chain.Reset();
        var stem = chain.IncrementToken() ? chainTerm.ToString() : null;
        chain.End();
        return stem;
    }

    /// <summary>A token stream of one word, the chain's source.</summary>
    private sealed class WordSource : TokenStream
    {
        private readonly ICharTermAttribute term;
        private bool pending;

        public WordSource() => term = AddAttribute<ICharTermAttribute>();

        public void Set(ReadOnlySpan<char> text)
        {
            term.SetEmpty();
            term.ResizeBuffer(text.Length);
            text.CopyTo(term.Buffer);
            term.Length = text.Length;
            pending = true;
        }

        public override bool IncrementToken()
        {
            if (!pending)
            {
                return false;
            }

            pending = false;
            return true;
        }
    }
}
