using System.Text.Json;
using CcsviBot.Cli;
using CcsviBot.Cli.Commands;

namespace CcsviBot.Core.Tests;

public class CliTests
{
    private static (int ExitCode, string Output, string Error) Run(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(new StringReader(input), output, error, InputIsInteractive: false, TestPaths.RepositoryRoot);
        var exitCode = Program.Run(args, console);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Ask_json_has_the_documented_shape()
    {
        var (exitCode, output, _) = Run("", "ask", "what is ccsvi", "--faq", TestPaths.FixtureFaq, "--format", "json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["kind", "entryId", "confidence", "text", "sources", "disclaimer", "suggestions"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("answer", root.GetProperty("kind").GetString());
        Assert.Equal("what-is-ccsvi", root.GetProperty("entryId").GetString());
        Assert.Equal(1, root.GetProperty("confidence").GetDouble());
        Assert.Contains("](https://pubmed.ncbi.nlm.nih.gov/19060024/)", root.GetProperty("text").GetString(), StringComparison.Ordinal);
        var source = Assert.Single(root.GetProperty("sources").EnumerateArray());
        Assert.Equal(["title", "url"], source.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("General information only", root.GetProperty("disclaimer").GetString(), StringComparison.Ordinal);
        Assert.Equal(["id", "question"], root.GetProperty("suggestions")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Ask_takes_json_as_search_and_eval_do()
    {
        var (exitCode, output, _) = Run("", "ask", "--json", "what is ccsvi", "--faq", TestPaths.FixtureFaq);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("what-is-ccsvi", json.RootElement.GetProperty("entryId").GetString());
    }

    [Fact]
    public void Ask_json_lists_a_clarification_s_choices_as_its_suggestions()
    {
        var questions = File.ReadLines(TestPaths.RealEvalQuestions).Skip(1).Select(l => l.Split('\t')[0]);
        var (exitCode, output, _) = Run(string.Join('\n', questions) + "\n", "ask", "--faq", TestPaths.RealFaq, "--format", "json");

        Assert.Equal(0, exitCode);
        var clarifications = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)
            .Where(reply => reply.GetProperty("kind").GetString() == "clarify").ToList();
        Assert.NotEmpty(clarifications);
        Assert.All(clarifications, reply =>
        {
            var choices = reply.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("question").GetString()!).ToList();
            Assert.NotEmpty(choices);
            Assert.All(choices, choice => Assert.Contains(choice, reply.GetProperty("text").GetString()!, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Ask_reads_questions_from_standard_input_one_result_per_line()
    {
        var (exitCode, output, _) = Run("what is ccsvi\n\nhello\nI have chest pain\n", "ask", "--faq", TestPaths.FixtureFaq, "--format", "json");

        var kinds = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("kind").GetString()).ToList();
        Assert.Equal(0, exitCode);
        Assert.Equal(["answer", "smalltalk", "urgent"], kinds);
    }

    [Fact]
    public void Ask_with_piped_questions_prints_each_reply_under_its_question_and_tsv_on_request()
    {
        var (exitCode, output, _) = Run("what is ccsvi\nhello\n", "ask", "--faq", TestPaths.FixtureFaq);

        Assert.Equal(0, exitCode);
        var text = output.ReplaceLineEndings("\n");
        Assert.StartsWith("> what is ccsvi\nCCSVI stands for chronic cerebrospinal venous insufficiency.", text, StringComparison.Ordinal);
        Assert.Contains("\n\n> hello\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\t", text, StringComparison.Ordinal);

        var (_, tsv, _) = Run("what is ccsvi\nhello\n", "ask", "--faq", TestPaths.FixtureFaq, "--format", "tsv");
        Assert.Equal(["answer\twhat-is-ccsvi\t1.000", "smalltalk\t-\t1.000"], tsv.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Ask_text_shows_the_reply_as_a_user_sees_it()
    {
        var (exitCode, output, _) = Run("", "ask", "what", "is", "liberation", "therapy", "--faq", TestPaths.FixtureFaq);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Liberation therapy is the name", output, StringComparison.Ordinal);
        Assert.Contains("Related questions:\n- What is CCSVI?", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Search_json_lists_ranked_ids_and_scores()
    {
        var (exitCode, output, _) = Run("", "search", "venoplasty", "--faq", TestPaths.FixtureFaq, "--top", "2", "--json");

        Assert.Equal(0, exitCode);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["question", "results"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("venoplasty", root.GetProperty("question").GetString());
        var first = root.GetProperty("results")[0];
        Assert.Equal(["id", "score"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("liberation-therapy", first.GetProperty("id").GetString());
        Assert.InRange(root.GetProperty("results").GetArrayLength(), 1, 2);
    }

    [Fact]
    public void Search_works_on_a_json_lines_faq()
    {
        var (exitCode, output, _) = Run("how is the flu treated\n", "search", "--faq", TestPaths.FixtureJsonLines, "--json");

        Assert.Equal(0, exitCode);
        Assert.Equal("flu-2", JsonDocument.Parse(output).RootElement.GetProperty("results")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Eval_counts_the_out_of_scope_questions_answered_with_an_entry()
    {
        // "what is ccsvi" is labelled as a question no entry answers: the bot's answer to it is the confident wrong answer
        // the count is for; "what causes gout" is declined and "i have chest pain" gets the urgent reply, neither counted.
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, ["question\texpected", "what is ccsvi\tnone", "what causes gout\tnone", "i have chest pain\tnone"]);
        try
        {
            var (_, output, _) = Run("", "eval", "--questions", file, "--faq", TestPaths.FixtureFaq, "--json");
            var (_, text, _) = Run("", "eval", "--questions", file, "--faq", TestPaths.FixtureFaq);

            var root = JsonDocument.Parse(output).RootElement;
            Assert.Equal(1, root.GetProperty("outOfScopeAnswered").GetInt32());
            Assert.Equal(1, root.GetProperty("falseUrgent").GetInt32());
            Assert.Matches(@"out-of-scope answered with an entry\s+1", text);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Eval_prints_the_figures_and_fails_below_the_floors()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, ["question\texpected", "what is ccsvi\twhat-is-ccsvi", "what causes gout\tnone", "i have chest pain\turgent", "venoplasty\tms-medication"]);
        try
        {
            var (exitCode, output, _) = Run("", "eval", "--questions", file, "--faq", TestPaths.FixtureFaq, "--json");

            var root = JsonDocument.Parse(output).RootElement;
            Assert.Equal(1, exitCode);
            Assert.Equal(0.5, root.GetProperty("answeredCorrectly").GetDouble());
            Assert.Equal(1, root.GetProperty("noneOnOutOfScope").GetDouble());
            Assert.Equal(1, root.GetProperty("urgentRecall").GetDouble());
            Assert.Equal(0, root.GetProperty("falseUrgent").GetInt32());
            Assert.Equal(0.5, root.GetProperty("retrievalTop1").GetDouble());
            Assert.Equal(5, Assert.Single(root.GetProperty("misses").EnumerateArray()).GetProperty("line").GetInt32());
            // Every question's decision, not only the misses, so a maintainer can see where right answers' confidence lies.
            var outcomes = root.GetProperty("outcomes").EnumerateArray().ToList();
            Assert.Equal([2, 3, 4, 5], outcomes.Select(o => o.GetProperty("line").GetInt32()));
            Assert.Equal(["what-is-ccsvi", "none", "urgent"], outcomes.Take(3).Select(o => o.GetProperty("got").GetString()));
            Assert.Equal([false, false, false, true], outcomes.Select(o => o.GetProperty("miss").GetBoolean()));

            var (_, text, _) = Run("", "eval", "--questions", file, "--faq", TestPaths.FixtureFaq);
            Assert.Contains("answered correctly", text, StringComparison.Ordinal);
            Assert.Contains("MRR@10", text, StringComparison.Ordinal);
            Assert.Contains("line 5: venoplasty", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Faq_check_passes_on_a_clean_faq_and_fails_with_located_errors()
    {
        Assert.Equal(0, Run("", "faq", "check", "--faq", TestPaths.FixtureFaq).ExitCode);

        var folder = Directory.CreateTempSubdirectory("cli-check-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "entries"));
            File.WriteAllText(Path.Combine(folder, "entries", "x.md"), "---\nid: y\nquestion: Q?\n---\nshort\n");
            var (exitCode, output, _) = Run("", "faq", "check", "--faq", folder);

            Assert.Equal(1, exitCode);
            Assert.Contains("x.md:2: error: id 'y' must equal the file name 'x'", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Faq_check_strict_fails_on_warnings_too()
    {
        var folder = Directory.CreateTempSubdirectory("cli-check-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "entries"));
            foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.FixtureFaq, "entries")))
            {
                // A source without its year is a warning, not an error.
                File.WriteAllText(Path.Combine(folder, "entries", Path.GetFileName(file)), File.ReadAllText(file).Replace("    year: 2009\n", "", StringComparison.Ordinal));
            }

            var (lenient, output, _) = Run("", "faq", "check", "--faq", folder);
            Assert.Equal(0, lenient);
            Assert.Contains("warning: source without a publisher or year", output, StringComparison.Ordinal);
            Assert.Equal(1, Run("", "faq", "check", "--faq", folder, "--strict").ExitCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Faq_check_passes_on_the_real_faq_by_default_without_warnings() =>
        Assert.Equal(0, Run("", "faq", "check", "--strict").ExitCode);

    [Theory]
    [InlineData("ask", "x", "--faq", "/no/such/faq")]
    [InlineData("eval", "--questions", "/no/such/file.tsv")]
    [InlineData("search", "x", "--top", "0")]
    [InlineData("nonsense-command")]
    [InlineData("eval")]
    [InlineData("ask", "--jsno", "what", "is", "ccsvi")]
    [InlineData("search", "what", "is", "ccsvi", "--jsno")]
    public void Usage_and_io_errors_exit_with_2_and_one_clear_message(params string[] args)
    {
        var (exitCode, _, error) = Run("", args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
