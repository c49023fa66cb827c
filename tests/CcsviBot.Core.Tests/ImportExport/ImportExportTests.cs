using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Tests.ImportExport;

public sealed class ImportExportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static FaqContent LoadClean(string path)
    {
        var loaded = FaqLoader.Load(path);
        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Diagnostics));
        return loaded.Content!;
    }

    private static string ExportTsv(IReadOnlyList<FaqEntry> entries)
    {
        using var writer = new StringWriter();
        Assert.Empty(QnaMakerTsv.Write(entries, writer));
        return writer.ToString();
    }

    private string WriteEntries(IEnumerable<FaqEntry> entries)
    {
        var folder = Path.Combine(_temp.Path, "faq");
        Directory.CreateDirectory(Path.Combine(folder, FaqLoader.EntriesFolder));
        foreach (var entry in entries)
        {
            File.WriteAllText(Path.Combine(folder, FaqLoader.EntriesFolder, FaqEntryMarkdownWriter.FileName(entry)), FaqEntryMarkdownWriter.Write(entry));
        }

        return folder;
    }

    private static void AssertSameEntries(IReadOnlyList<FaqEntry> expected, IReadOnlyList<FaqEntry> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal(e.Id, a.Id);
            Assert.Equal(e.Question, a.Question);
            Assert.Equal(e.Alternates, a.Alternates);
            Assert.Equal(e.Answer, a.Answer);
            Assert.Equal(e.Sources, a.Sources);
            Assert.Equal(e.Related, a.Related);
            Assert.Equal(e.Tags, a.Tags);
            Assert.Equal(e.Reviewed, a.Reviewed);
        }
    }

    [Fact]
    public void QnaMaker_export_import_export_of_the_CCSVI_FAQ_is_lossless()
    {
        var original = LoadClean(TestPaths.RealFaq).Entries;
        var firstExport = ExportTsv(original);

        var (imported, diagnostics) = QnaMakerTsv.Read(new StringReader(firstExport), "export.tsv");
        Assert.Empty(diagnostics);
        var reloaded = LoadClean(WriteEntries(imported)).Entries;

        AssertSameEntries(original, reloaded);
        Assert.Equal(firstExport, ExportTsv(reloaded));
    }

    [Fact]
    public void QnaMaker_export_has_the_QnA_Maker_columns_one_row_per_question_and_the_sources_in_the_answer()
    {
        var entries = LoadClean(TestPaths.RealFaq).Entries;
        var lines = ExportTsv(entries).TrimEnd('\n').Split('\n');

        Assert.Equal("Question\tAnswer\tSource\tMetadata\tSuggestedQuestions\tIsContextOnly\tPrompts\tQnaId", lines[0]);
        Assert.Equal(entries.Sum(e => 1 + e.Alternates.Count), lines.Length - 1);
        Assert.All(lines, line => Assert.Equal(8, line.Split('\t').Length));
        var first = lines[1].Split('\t');
        Assert.Equal(entries[0].Question, first[0]);
        Assert.Contains(QnaMakerTsv.SourcesHeading, first[1], StringComparison.Ordinal);
        Assert.Equal(entries[0].Sources[0].Url, first[2]);
        Assert.StartsWith($"id:{entries[0].Id}|", first[3], StringComparison.Ordinal);
        Assert.Equal("1", first[7]);
    }

    [Fact]
    public void Imports_a_QnA_Maker_export_keeping_alternates_prompts_metadata_and_reporting_missing_sources()
    {
        const string tsv = """
            Question	Answer	Source	Metadata	SuggestedQuestions	IsContextOnly	Prompts	QnaId	SourceDisplayName
            How do I reset my password?	Open **Settings**,\nthen choose *Reset*.	https://example.org/help	category:account|audience:staff	[]	False	[{"DisplayOrder":1,"QnaId":2,"DisplayText":"Locked out"}]	1	Help
            Forgot password	Open **Settings**,\nthen choose *Reset*.	https://example.org/help	category:account|audience:staff	[]	False	[{"DisplayOrder":1,"QnaId":2,"DisplayText":"Locked out"}]	1	Help
            I am locked out	Call the help desk.	Editorial		["locked"]	True	[]	2	Editorial
            What is a token?	A token is a code.	manual.docx		[]	False	[{"displayOrder":1,"qnaId":99,"displayText":"gone"}]	3	manual.docx
            """;

        var (entries, diagnostics) = QnaMakerTsv.Read(new StringReader(tsv.ReplaceLineEndings("\n")), "kb.tsv");

        Assert.Equal(3, entries.Count);
        var reset = entries[0];
        Assert.Equal("how-do-i-reset-my-password", reset.Id);
        Assert.Equal(["Forgot password"], reset.Alternates);
        Assert.Equal("Open **Settings**,\nthen choose *Reset*.", reset.Answer);
        Assert.Equal(["i-am-locked-out"], reset.Related);
        Assert.Equal(["category:account", "audience:staff"], reset.Tags);
        Assert.Equal("https://example.org/help", Assert.Single(reset.Sources).Url);
        Assert.Empty(entries[1].Sources);
        Assert.Equal("manual.docx", Assert.Single(entries[2].Sources).Title);

        var missingSource = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(("kb.tsv", 4), (missingSource.File, missingSource.Line));
        Assert.Contains("cannot be published", missingSource.Message, StringComparison.Ordinal);
        Assert.Contains(diagnostics, d => d.Message.Contains("IsContextOnly", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Message.Contains("SuggestedQuestions", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Message.Contains("QnaId 99", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Line == 2 && d.Message.Contains("only a link", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Foo\tBar\nx\ty\n")]
    public void Rejects_a_file_without_the_QnA_columns_with_a_clear_error(string tsv)
    {
        var (entries, diagnostics) = QnaMakerTsv.Read(new StringReader(tsv), "bad.tsv");

        Assert.Empty(entries);
        Assert.Equal(1, Assert.Single(diagnostics).Line);
    }

    [Fact]
    public void Awkward_text_survives_Markdown_JSON_Lines_and_TSV()
    {
        var entry = new FaqEntry
        {
            Id = "awkward-entry",
            Question = "yes: is it \"true\" - or #not?",
            Alternates = ["- leading dash", "tab\tinside", "back\\slash \\n literal", "émigré 🙂"],
            Answer = "Line one with a | pipe.\n\n**Sources**\nnot a citation block\n\n> quote\n\n1. list",
            Sources =
            [
                new FaqSource("Title with [brackets] and (parens) · dot", "Pub (Inc.), Ltd", 1999, "https://example.org/a_(b)"),
                new FaqSource("No link", null, null, null),
                new FaqSource("Only year", null, 2020, "https://example.org/x?y=1&z=2"),
                new FaqSource("Year-like publisher", "Annual report (1999)", null, null),
                new FaqSource("Back\\slash · title", "NICE (UK) · Ltd \\ co", 2019, null),
            ],
            Related = ["awkward-entry"],
            Tags = ["basics", "kind:legacy"],
            Reviewed = new DateOnly(2026, 2, 28),
        };

        var fromMarkdown = LoadClean(WriteEntries([entry])).Entries;
        AssertSameEntries([entry], fromMarkdown);

        var jsonl = Path.Combine(_temp.Path, "faq.jsonl");
        using (var writer = new StreamWriter(jsonl))
        {
            JsonLinesFaqWriter.Write([entry], writer);
        }

        AssertSameEntries([entry], LoadClean(jsonl).Entries);

        var tsv = ExportTsv([entry]);
        var (fromTsv, diagnostics) = QnaMakerTsv.Read(new StringReader(tsv), "x.tsv");
        Assert.Empty(diagnostics);
        AssertSameEntries([entry], fromTsv);
    }

    [Fact]
    public void Json_Lines_export_of_the_CCSVI_FAQ_loads_back_identically()
    {
        var original = LoadClean(TestPaths.RealFaq).Entries;
        var jsonl = Path.Combine(_temp.Path, "faq.jsonl");
        using (var writer = new StreamWriter(jsonl))
        {
            JsonLinesFaqWriter.Write(original, writer);
        }

        AssertSameEntries(original, LoadClean(jsonl).Entries);
    }
}
