using System.Text.Json;
using CcsviBot.Cli;
using CcsviBot.Cli.Commands;
using CcsviBot.Core.Answering;
using CcsviBot.Insights;

namespace CcsviBot.Core.Tests.ImportExport;

/// <summary>report, faq import and faq export through the real command line, in a scratch repository.</summary>
public sealed class CliCommandsTests : IDisposable
{
    private readonly TempDirectory _repository = new();

    public CliCommandsTests()
    {
        // A scratch settings folder (appsettings.json next to faq/) whose FAQ is the real one and whose store is private.
        var realFaq = TestPaths.RealFaq;
        Directory.CreateDirectory(_repository.File("faq"));
        File.WriteAllText(_repository.File("appsettings.json"), JsonSerializer.Serialize(new
        {
            Faq = new { Path = realFaq },
            Insights = new { ConnectionString = "Data Source=data/report-test.db" },
        }));
    }

    public void Dispose() => _repository.Dispose();

    private (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = Program.Run(args, new CliConsole(new StringReader(""), output, error, false, _repository.Path));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Report_reads_the_configured_store_in_every_format()
    {
        var store = SqlInsightsStore.Create(new InsightsOptions { ConnectionString = "Data Source=data/report-test.db" }, _repository.Path);
        await store.EnsureCreatedAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        await store.WriteAsync(
            [
                new StoredTurn(now.AddDays(-1), "webchat", "can my dog get ccsvi", ReplyKind.None, null, 0.1),
                new StoredTurn(now.AddDays(-2), "webchat", "can dogs get CCSVI?", ReplyKind.None, null, 0.1),
                new StoredTurn(now.AddDays(-60), "webchat", "an old question", ReplyKind.None, null, 0.1),
            ],
            [new FeedbackRecord(now.AddDays(-1), "webchat", "what-is-ccsvi", FeedbackKind.Outdated)],
            CancellationToken.None);

        var (code, json, _) = Run("report", "--since", "30d", "--format", "json");
        Assert.Equal(ExitCodes.Ok, code);
        using var document = JsonDocument.Parse(json);
        var unanswered = Assert.Single(document.RootElement.GetProperty("unanswered").EnumerateArray());
        Assert.Equal(2, unanswered.GetProperty("count").GetInt32());
        Assert.Equal("what-is-ccsvi", Assert.Single(document.RootElement.GetProperty("flaggedOutdated").EnumerateArray()).GetProperty("entryId").GetString());

        var table = Run("report").Out;
        Assert.Contains("Unanswered questions (1)", table, StringComparison.Ordinal);
        Assert.Contains("can my dog get ccsvi", table, StringComparison.Ordinal);
        Assert.Contains("## Flagged outdated (1)", Run("report", "--format", "markdown").Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report", "--since", "forever")]
    [InlineData("report", "--format", "pdf")]
    [InlineData("faq", "export", "--format", "csv", "--out", "x")]
    [InlineData("faq", "import", "--format", "qnamaker", "missing.tsv", "--out", "entries")]
    public void Bad_options_are_usage_errors(params string[] args)
    {
        var (code, _, error) = Run(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_then_import_writes_entries_that_export_identically_and_never_overwrites_silently()
    {
        var first = _repository.File("out/faq.tsv");
        Assert.Equal(ExitCodes.Ok, Run("faq", "export", "--format", "qnamaker", "--out", first).ExitCode);

        var imported = _repository.File("imported/entries");
        var (code, output, _) = Run("faq", "import", "--format", "qnamaker", first, "--out", imported);
        Assert.Equal(ExitCodes.Ok, code);
        var entries = Directory.GetFiles(Path.Combine(TestPaths.RealFaq, "entries"), "*.md").Length;
        Assert.Contains($"imported {entries} entries", output, StringComparison.Ordinal);

        var second = _repository.File("out/again.tsv");
        Assert.Equal(ExitCodes.Ok, Run("faq", "export", "--format", "qnamaker", "--faq", _repository.File("imported"), "--out", second).ExitCode);
        Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));

        var before = File.ReadAllText(Path.Combine(imported, "what-is-ccsvi.md"));
        var again = Run("faq", "import", "--format", "qnamaker", first, "--out", imported);
        Assert.Equal(ExitCodes.Usage, again.ExitCode);
        Assert.Contains("--overwrite", again.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(imported, "what-is-ccsvi.md")));
    }

    [Fact]
    public void Import_reports_entries_without_sources_and_exits_1()
    {
        var tsv = _repository.File("kb.tsv");
        File.WriteAllText(tsv, "Question\tAnswer\tSource\tMetadata\tSuggestedQuestions\tIsContextOnly\tPrompts\tQnaId\nWhat is X?\tX is a thing.\tEditorial\t\t[]\tFalse\t[]\t1\n");

        var (code, output, _) = Run("faq", "import", "--format", "qnamaker", tsv, "--out", _repository.File("new/entries"));

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains($"{tsv}:2: error: what-is-x: no source", output, StringComparison.Ordinal);
        Assert.True(File.Exists(_repository.File("new/entries/what-is-x.md")));
    }

    [Fact]
    public void Json_Lines_export_loads_as_an_FAQ()
    {
        var file = _repository.File("faq.jsonl");
        Assert.Equal(ExitCodes.Ok, Run("faq", "export", "--format", "jsonl", "--out", file).ExitCode);

        var (code, output, _) = Run("search", "--faq", file, "what is ccsvi");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("what-is-ccsvi", output, StringComparison.Ordinal);
    }
}
