using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Tests;

public sealed class FaqCheckerTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly string Words50 = string.Join(' ', Enumerable.Repeat("word", 50));
    private readonly string folder = Directory.CreateTempSubdirectory("faq-check-").FullName;

    public FaqCheckerTests()
    {
        Directory.CreateDirectory(Path.Combine(folder, "entries"));
        foreach (var file in new[] { "disclaimer.md", "safety.yaml", "smalltalk.yaml", "synonyms.yaml" })
        {
            File.Copy(Path.Combine(TestPaths.FixtureFaq, file), Path.Combine(folder, file));
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_fixture_faq_is_clean() =>
        Assert.Empty(FaqChecker.Check(FaqLoader.Load(TestPaths.FixtureFaq), Today));

    [Fact]
    public void The_real_faq_passes_the_check() =>
        Assert.DoesNotContain(FaqChecker.Check(FaqLoader.Load(TestPaths.RealFaq), DateOnly.FromDateTime(DateTime.UtcNow)), d => d.Severity == DiagnosticSeverity.Error);

    [Fact]
    public void Id_must_equal_the_file_name() =>
        AssertReports(Entry("a", id: "b"), "a.md:2: error: id 'b' must equal the file name 'a'");

    [Fact]
    public void Related_ids_must_exist() =>
        AssertReports(Entry("a", related: "[a-missing]"), "a.md:10: error: related id 'a-missing' is not an entry");

    [Fact]
    public void At_least_one_source_is_required() =>
        AssertReports(Entry("a", sources: "[]"), "a.md:5: error: at least one source is required");

    [Fact]
    public void Sources_need_a_title_and_an_absolute_web_url()
    {
        Write(Entry("a", sources: "\n  - publisher: X\n    year: 2020\n    url: https://example.org/a\n  - title: T\n    publisher: X\n    year: 2020\n    url: example.org/relative\n  - title: U\n    publisher: X\n    year: 2020\n    url: ftp://example.org/file"));

        var messages = Check();

        Assert.Contains("a.md:6: error: source without a title", messages);
        Assert.Contains("a.md:9: error: source url 'example.org/relative' is not an absolute http(s) address", messages);
        Assert.Contains("a.md:13: error: source url 'ftp://example.org/file' is not an absolute http(s) address", messages);
    }

    [Fact]
    public void A_source_without_url_is_an_error_and_without_year_a_warning()
    {
        Write(Entry("a", sources: "\n  - title: T\n    publisher: X"));

        var messages = Check();

        Assert.Contains("a.md:6: error: source without a url", messages);
        Assert.Contains("a.md:6: warning: source without a publisher or year", messages);
    }

    [Theory]
    [InlineData(1, "the answer has 1 word; it must have 40 to 200")]
    [InlineData(39, "the answer has 39 words; it must have 40 to 200")]
    [InlineData(201, "the answer has 201 words; it must have 40 to 200")]
    public void Answers_have_40_to_200_words(int words, string message) =>
        AssertReports(Entry("a", body: string.Join(' ', Enumerable.Repeat("word", words))), $"a.md:14: error: {message}");

    [Fact]
    public void Word_count_reads_markdown_as_plain_text() =>
        Assert.Equal(5, FaqChecker.CountWords("**Bold** [a link](https://example.org/x-y) and `code`."));

    [Fact]
    public void The_same_alternate_in_two_entries_is_an_error()
    {
        Write(Entry("a", alternates: "[Is it safe?]"));
        Write(Entry("b", alternates: "[is it SAFE]"));

        Assert.Contains("b.md:4: error: duplicate alternate 'is it SAFE': also in entry 'a' (a.md:4)", Check());
    }

    [Fact]
    public void A_review_older_than_twelve_months_is_a_warning()
    {
        Write(Entry("a", reviewed: "2025-10-01"));

        var diagnostic = Assert.Single(FaqChecker.Check(FaqLoader.Load(folder), Today));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.EndsWith("a.md:12: warning: last reviewed 2025-10-01, more than 12 months ago", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_errors_carry_the_file_line()
    {
        Write("a\n---\nid: a\nquestion: Q?\nalternates: [unclosed\n---\n" + Words50);

        Assert.Contains(Check(), m => m.StartsWith("a.md:", StringComparison.Ordinal) && m.Contains("error: YAML", StringComparison.Ordinal));
    }

    private static string Entry(
        string file,
        string? id = null,
        string alternates = "[]",
        string sources = "\n  - title: T\n    publisher: P\n    year: 2020\n    url: https://example.org/t",
        string related = "[]",
        string reviewed = "2026-06-01",
        string? body = null) =>
        $"{file}\n---\nid: {id ?? file}\nquestion: Question {file}?\nalternates: {alternates}\nsources: {sources}\n"
        + $"related: {related}\ntags: [t]\nreviewed: {reviewed}\n---\n\n{body ?? Words50}\n";

    private void Write(string fileAndText)
    {
        var newline = fileAndText.IndexOf('\n', StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "entries", fileAndText[..newline] + ".md"), fileAndText[(newline + 1)..]);
    }

    private List<string> Check() =>
        FaqChecker.Check(FaqLoader.Load(folder), Today).Select(d => Path.GetFileName(d.File) + d.ToString()[d.File.Length..]).ToList();

    private void AssertReports(string entry, string expected)
    {
        Write(entry);
        Assert.Contains(expected, Check());
    }
}
