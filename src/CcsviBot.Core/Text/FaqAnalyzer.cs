using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace CcsviBot.Core.Text;

/// <summary>
/// The one source of stems: the index's fields, the query's concepts, the matcher's and the classifier's features and
/// the scope model's counts all come out of this Lucene analysis chain, so they always agree on what a word's stem is.
/// <list type="number">
/// <item><see cref="FaqWordTokenizer"/>: runs of letters and digits (apostrophes and combining marks stay inside a word).</item>
/// <item><see cref="EnglishPossessiveFilter"/>: "zamboni's" → "zamboni".</item>
/// <item><see cref="ASCIIFoldingFilter"/>: "névrite" → "nevrite", ligatures and full-width letters to plain ones.</item>
/// <item><see cref="ApostropheFilter"/>: what is left of apostrophes and combining marks goes ("don't" → "dont").</item>
/// <item><see cref="LowerCaseFilter"/>, then <see cref="SetKeywordMarkerFilter"/> over <see cref="ProtectedWords"/>.</item>
/// <item><see cref="PorterStemFilter"/>: the classic Porter stemmer.</item>
/// </list>
/// The same chain reads raw text (the index) and <see cref="TextNormalizer"/> normal form (the query's words) alike.
/// Thread-safe: Lucene keeps one chain per thread.
/// </summary>
public sealed class FaqAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Positions between two values of one field (two alternates): a phrase never spans them.</summary>
    public const int ValueGap = 100;

    /// <summary>
    /// Words Porter would merge with a different word: "aids" (the disease) is not "aid", "news" is not "new".
    /// </summary>
    public static CharArraySet ProtectedWords { get; } = new CharArraySet(Version, ["aids", "news"], ignoreCase: false).AsReadOnly();

    private readonly bool cacheStems;

    public FaqAnalyzer()
    {
    }

    private FaqAnalyzer(bool cacheStems) => this.cacheStems = cacheStems;

    /// <summary>
    /// The same chain for writing an index: each distinct word's stem is remembered (<see cref="StemCacheFilter"/>) for
    /// as long as this analyser lives, so dispose it with the writer.
    /// </summary>
    public static FaqAnalyzer ForIndexing() => new(cacheStems: true);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new FaqWordTokenizer(reader);
        return new TokenStreamComponents(tokenizer, cacheStems ? new StemCacheFilter(tokenizer) : Filters(tokenizer));
    }

    /// <summary>The filters after the tokenizer, in order (each reads one word alone).</summary>
    internal static TokenStream Filters(TokenStream words)
    {
        TokenStream stream = new EnglishPossessiveFilter(Version, words);
        stream = new ASCIIFoldingFilter(stream);
        stream = new ApostropheFilter(stream);
        stream = new LowerCaseFilter(Version, stream);
        stream = new SetKeywordMarkerFilter(stream, ProtectedWords);
        return new PorterStemFilter(stream);
    }

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;

    /// <summary>The stems of <paramref name="text"/>'s words, in order.</summary>
    public List<string> Stems(string text)
    {
        var stems = new List<string>();
        using var stream = GetTokenStream(string.Empty, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            stems.Add(term.ToString());
        }

        stream.End();
        return stems;
    }

    /// <summary>The stem of one word in normal form (its only token; the word itself if analysis leaves nothing).</summary>
    public string Stem(string word)
    {
        using var stream = GetTokenStream(string.Empty, word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var stem = stream.IncrementToken() ? term.ToString() : word;
        stream.End();
        return stem;
    }
}
