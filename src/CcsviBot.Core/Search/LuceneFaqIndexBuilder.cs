using CcsviBot.Core.Faq;
using CcsviBot.Core.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace CcsviBot.Core.Search;

/// <summary>
/// Builds a <see cref="LuceneFaqIndex"/>: one document per entry with its question, its alternates (each its own value
/// of the field, <see cref="FaqAnalyzer.ValueGap"/> positions apart, so a phrase never spans two) and its answer,
/// analysed by <see cref="FaqAnalyzer"/> and weighed by <see cref="BM25Similarity"/>. Nothing is stored: a document's
/// number is its entry's position. An FAQ-sized corpus lives in memory (<see cref="RAMDirectory"/>); above
/// <paramref name="inMemoryLimit"/> entries the index goes to an <see cref="MMapDirectory"/> in a temporary folder that is
/// deleted when the index is disposed, so the operating system pages it instead of the managed heap holding it.
/// </summary>
public sealed class LuceneFaqIndexBuilder(FieldWeights? weights = null, int inMemoryLimit = LuceneFaqIndexBuilder.DefaultInMemoryLimit) : IFaqIndexBuilder
{
    /// <summary>Tens of thousands of entries: the 16k MedQuAD corpus stays in memory, three times it does not.</summary>
    public const int DefaultInMemoryLimit = 20_000;

    private const double WriterBufferMegabytes = 512;

    private readonly LuceneFaqFields fields = LuceneFaqFields.From(weights ?? new FieldWeights());

    IFaqIndex IFaqIndexBuilder.Build(IReadOnlyList<FaqEntry> entries, FaqAnalyzer analyzer) => Build(entries, analyzer);

    public LuceneFaqIndex Build(IReadOnlyList<FaqEntry> entries, FaqAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(analyzer);
        var folder = entries.Count > inMemoryLimit ? Path.Combine(Path.GetTempPath(), $"ccsvibot-index-{Guid.NewGuid():N}") : null;
        LuceneDirectory directory = folder is null ? new RAMDirectory() : new MMapDirectory(new DirectoryInfo(folder));
        Action? deleteFolder = folder is null ? null : () => DeleteFolder(folder);
        try
        {
            Write(entries, directory);
            return new LuceneFaqIndex(entries, fields, directory, deleteFolder);
        }
        catch
        {
            directory.Dispose();
            deleteFolder?.Invoke();
            throw;
        }
    }

    /// <remarks>
    /// Written with <see cref="FaqAnalyzer.ForIndexing"/>, the same chain remembering each distinct word's stem while the
    /// index is written (the cache goes with the writer); questions are read by the snapshot's own analyser.
    /// </remarks>
    private static void Write(IReadOnlyList<FaqEntry> entries, LuceneDirectory directory)
    {
        using var analyzer = FaqAnalyzer.ForIndexing();
        // A log merge policy merges neighbouring segments only, so document numbers keep the entries' order; the final
        // merge into one segment makes every search read one set of postings. No compound files: they save file handles
        // on a long-lived index, which a snapshot's index is not, and the merge policy counts a compound segment above a
        // tenth of the index as unmerged, so ForceMerge(1) copied the one flushed segment out of its compound file again
        // (about 2 of the 47k corpus's 8 s). Without them the single flushed segment is already merged.
        var config = new IndexWriterConfig(FaqAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = WriterBufferMegabytes,
            MergePolicy = new LogByteSizeMergePolicy { NoCFSRatio = 0 },
            UseCompoundFile = false,
        };
        using var writer = new IndexWriter(directory, config);
        var question = new TextField(LuceneFaqFields.Question, string.Empty, Field.Store.NO);
        var answer = new TextField(LuceneFaqFields.Answer, string.Empty, Field.Store.NO);
        foreach (var entry in entries)
        {
            question.SetStringValue(entry.Question);
            answer.SetStringValue(entry.Answer);
            var document = new Document { question, answer };
            foreach (var alternate in entry.Alternates)
            {
                document.Add(new TextField(LuceneFaqFields.Alternates, alternate, Field.Store.NO));
            }

            writer.AddDocument(document);
        }

        writer.ForceMerge(1);
        writer.Commit();
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped (Windows) keeps the folder: it is in the temporary folder, which the system cleans.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
