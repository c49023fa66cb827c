using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Tests;

public sealed class FaqLoaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("faq-test-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Loads_a_markdown_folder_with_its_support_files()
    {
        var result = FaqLoader.Load(TestPaths.FixtureFaq);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var content = result.Content!;
        Assert.Equal(["liberation-therapy", "ms-medication", "what-is-ccsvi"], content.Entries.Select(e => e.Id));
        var entry = content.Find("what-is-ccsvi")!;
        Assert.Equal("What is CCSVI?", entry.Question);
        Assert.Equal(2, entry.Alternates.Count);
        Assert.Equal(new FaqSource("Chronic cerebrospinal venous insufficiency in patients with multiple sclerosis", "J Neurol Neurosurg Psychiatry", 2009, "https://pubmed.ncbi.nlm.nih.gov/19060024/"), entry.Sources[0]);
        Assert.Equal(new DateOnly(2026, 6, 1), entry.Reviewed);
        Assert.StartsWith("CCSVI stands for", entry.Answer, StringComparison.Ordinal);
        Assert.StartsWith("General information only", content.Disclaimer, StringComparison.Ordinal);
        Assert.Equal(["emergency", "crisis"], content.SafetyRules.Select(r => r.Id));
        Assert.Equal(["greeting", "thanks", "help", "goodbye"], content.SmallTalk.Select(i => i.Id));
        Assert.Contains(content.SynonymGroups, g => g.Contains("venoplasty"));
    }

    [Fact]
    public void Reports_broken_entries_with_file_and_line_and_loads_the_rest()
    {
        Directory.CreateDirectory(Path.Combine(folder, "entries"));
        WriteEntry("good", "---\nid: good\nquestion: Fine?\n---\nA body.\n");
        WriteEntry("no-front-matter", "just text\n");
        WriteEntry("unterminated", "---\nid: unterminated\nquestion: x\n");
        WriteEntry("bad-yaml", "---\nid: bad-yaml\nquestion: [unclosed\nalternates: x\n---\nbody\n");
        WriteEntry("no-question", "---\nid: no-question\n---\nbody\n");
        WriteEntry("empty-body", "---\nid: empty-body\nquestion: Empty?\n---\n\n");
        WriteEntry("zz-dup", "---\nid: good\nquestion: Again?\n---\nbody\n");
        WriteEntry("bad-date", "---\nid: bad-date\nquestion: Date?\nreviewed: last week\n---\nbody\n");

        var result = FaqLoader.Load(folder);

        Assert.True(result.HasErrors);
        Assert.Equal(["good", "bad-date"], result.Content!.Entries.Select(e => e.Id).Order(StringComparer.Ordinal).Reverse());
        string Error(string file) => Assert.Single(result.Diagnostics, d => d.File.EndsWith(file + ".md", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error).ToString();
        Assert.Contains("no-front-matter.md:1: error: missing front matter", Error("no-front-matter"), StringComparison.Ordinal);
        Assert.Contains("unterminated front matter", Error("unterminated"), StringComparison.Ordinal);
        Assert.Matches(@"bad-yaml\.md:[234]: error: YAML", Error("bad-yaml"));
        Assert.Contains("missing 'question'", Error("no-question"), StringComparison.Ordinal);
        Assert.Contains("empty-body.md:5: error: missing answer", Error("empty-body"), StringComparison.Ordinal);
        Assert.Contains("zz-dup.md:2: error: duplicate id 'good'", Error("zz-dup"), StringComparison.Ordinal);
        Assert.Contains("bad-date.md:4: error: 'reviewed' must be a date", Error("bad-date"), StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("disclaimer.md", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Missing_path_is_a_diagnostic_not_an_exception()
    {
        var result = FaqLoader.Load(Path.Combine(folder, "nowhere"));

        Assert.Null(result.Content);
        Assert.True(result.HasErrors);
        Assert.Contains("no such folder or file", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_support_files_are_located()
    {
        Directory.CreateDirectory(Path.Combine(folder, "entries"));
        WriteEntry("good", "---\nid: good\nquestion: Fine?\n---\nA body.\n");
        File.WriteAllText(Path.Combine(folder, "safety.yaml"), "rules:\n  - id: x\n    phrases: [a]\n  - id: no-reply\n    phrases: [b]\n");
        File.WriteAllText(Path.Combine(folder, "synonyms.yaml"), "groups:\n  - [alone]\n");
        File.WriteAllText(Path.Combine(folder, "smalltalk.yaml"), "intents: [\n");

        var diagnostics = FaqLoader.Load(folder).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();

        Assert.Contains(diagnostics, d => d.Contains("safety.yaml:2: error", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Contains("safety.yaml:4: error", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Contains("synonyms.yaml:2: error: a synonym group", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Contains("smalltalk.yaml:", StringComparison.Ordinal) && d.Contains("YAML", StringComparison.Ordinal));
    }

    [Fact]
    public void An_everyday_safety_word_that_no_situation_uses_is_a_warning()
    {
        Directory.CreateDirectory(Path.Combine(folder, "entries"));
        WriteEntry("good", "---\nid: good\nquestion: Fine?\n---\nA body.\n");
        File.WriteAllText(Path.Combine(folder, "safety.yaml"),
            "situations:\n  swallowed: [took, swallowed]\ncontext:\n  now: [now]\neveryday: [took, now, tookk]\n");

        var result = FaqLoader.Load(folder);

        Assert.Equal(["took", "now", "tookk"], result.Content!.Safety.Everyday);
        var warnings = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        // "now" is context, never a danger: listing it as everyday changes nothing either.
        Assert.Contains(warnings, d => d.Contains("safety.yaml:5: warning", StringComparison.Ordinal) && d.Contains("'tookk'", StringComparison.Ordinal));
        Assert.Contains(warnings, d => d.Contains("'now'", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, d => d.Contains("'took'", StringComparison.Ordinal));
    }

    [Fact]
    public void Out_of_scope_examples_load_once_each_and_one_that_is_an_entry_phrasing_is_an_error()
    {
        Directory.CreateDirectory(Path.Combine(folder, "entries"));
        WriteEntry("good", "---\nid: good\nquestion: Fine?\nalternates: [is it fine]\n---\nA body.\n");
        File.WriteAllText(Path.Combine(folder, FaqLoader.OutOfScopeFile),
            "questions:\n  - how much ocrevus should I take\n  - \"Is it fine?\"\n  - How much Ocrevus should I take?\n  - [nested]\n  - \"  \"\n  - what is lupus\n");

        var result = FaqLoader.Load(folder);

        Assert.Equal(["how much ocrevus should I take", "what is lupus"], result.Content!.OutOfScopeExamples);
        var messages = result.Diagnostics.Select(d => d.ToString()).Where(d => d.Contains(FaqLoader.OutOfScopeFile, StringComparison.Ordinal)).ToList();
        Assert.Contains(messages, d => d.Contains("out-of-scope.yaml:3: error", StringComparison.Ordinal) && d.Contains("entry 'good'", StringComparison.Ordinal));
        Assert.Contains(messages, d => d.Contains("out-of-scope.yaml:4: warning", StringComparison.Ordinal) && d.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(messages, d => d.Contains("out-of-scope.yaml:5: error: expected a question", StringComparison.Ordinal));
        Assert.Equal(3, messages.Count);
    }

    [Fact]
    public void Subjects_load_in_order_and_an_entry_with_an_unlisted_subject_is_an_error()
    {
        Directory.CreateDirectory(Path.Combine(folder, "entries"));
        WriteEntry("main", "---\nid: main\nquestion: Main?\n---\nA body.\n");
        WriteEntry("about-ms", "---\nid: about-ms\nquestion: MS?\nsubjects: [ms]\n---\nA body.\n");
        WriteEntry("typo", "---\nid: typo\nquestion: Typo?\nsubjects: [ms, msx]\n---\nA body.\n");
        File.WriteAllText(Path.Combine(folder, FaqLoader.SubjectsFile),
            "subjects:\n  - id: ccsvi\n    names: [ccsvi]\n  - id: ms\n    about: MS in general\n    declined: \"  Ask your neurologist.  \"\n    names: [ms, multiple sclerosis]\n    not: [ms society]\n  - id: nameless\n  - id: ms\n    names: [ms]\n");

        var result = FaqLoader.Load(folder);

        Assert.Equal(["ccsvi", "ms"], result.Content!.Subjects.Select(s => s.Id));
        Assert.Equal(["ms society"], result.Content.Subjects[1].NotNames);
        Assert.Equal("Ask your neurologist.", result.Content.Subjects[1].Declined);
        Assert.Null(result.Content.Subjects[0].Declined);
        Assert.Equal(["ms"], result.Content.Entries.Single(e => e.Id == "about-ms").Subjects);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.Contains(errors, d => d.Contains("subjects.yaml:9", StringComparison.Ordinal) && d.Contains("at least one name", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.Contains("subjects.yaml:10", StringComparison.Ordinal) && d.Contains("listed twice", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.Contains("typo.md:4", StringComparison.Ordinal) && d.Contains("'msx'", StringComparison.Ordinal));
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Asks_load_in_order_and_a_nameless_or_repeated_ask_is_an_error()
    {
        Directory.CreateDirectory(Path.Combine(folder, "entries"));
        WriteEntry("main", "---\nid: main\nquestion: Main?\n---\nA body.\n");
        File.WriteAllText(Path.Combine(folder, FaqLoader.AsksFile),
            "asks:\n  - id: cost\n    names: [cost, price]\n  - id: specialist\n    about: which doctor\n    names: [which doctor]\n    not: [which doctor told you]\n  - id: nameless\n  - id: cost\n    names: [fee]\n");

        var result = FaqLoader.Load(folder);

        Assert.Equal(["cost", "specialist"], result.Content!.Asks.Select(a => a.Id));
        Assert.Equal(["which doctor told you"], result.Content.Asks[1].NotNames);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.Contains(errors, d => d.Contains("asks.yaml:8", StringComparison.Ordinal) && d.Contains("at least one name", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.Contains("asks.yaml:9", StringComparison.Ordinal) && d.Contains("listed twice", StringComparison.Ordinal));
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Out_of_scope_examples_are_optional_and_never_built_in()
    {
        Assert.Empty(FaqLoader.Load(TestPaths.FixtureFaq).Content!.OutOfScopeExamples);
        Assert.Empty(FaqLoader.Load(TestPaths.FixtureJsonLines, TestPaths.RealFaq).Content!.OutOfScopeExamples);
        Assert.NotEmpty(FaqLoader.Load(TestPaths.RealFaq).Content!.OutOfScopeExamples);
    }

    [Fact]
    public void Loads_json_lines_skipping_bad_lines_with_their_line_numbers_and_built_in_support_content()
    {
        var result = FaqLoader.Load(TestPaths.FixtureJsonLines);

        Assert.Equal(["flu-1", "flu-2", "gout-1"], result.Content!.Entries.Select(e => e.Id));
        var flu = result.Content.Entries[0];
        Assert.Equal(["what is the flu"], flu.Alternates);
        Assert.Equal(["flu-2"], flu.Related);
        Assert.Equal("CDC", flu.Sources[0].Publisher);
        Assert.Equal(2024, result.Content.Entries[1].Sources[0].Year);
        Assert.EndsWith("small.jsonl:1", flu.Origin, StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, d => d.Line == 3 && d.Message.StartsWith("invalid JSON", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Line == 4 && d.Message.Contains("'answer'", StringComparison.Ordinal));
        // The built-in defaults are the repository's own faq/ files, embedded in Core.
        Assert.Equal(File.ReadAllText(Path.Combine(TestPaths.RealFaq, "disclaimer.md")).Trim(), result.Content.Disclaimer);
        Assert.NotEmpty(result.Content.SafetyRules);
        Assert.NotEmpty(result.Content.SmallTalk);
    }

    [Fact]
    public void Json_lines_take_support_files_from_a_given_faq_folder()
    {
        var result = FaqLoader.Load(TestPaths.FixtureJsonLines, TestPaths.FixtureFaq);

        Assert.StartsWith("General information only", result.Content!.Disclaimer, StringComparison.Ordinal);
        Assert.Equal(["emergency", "crisis"], result.Content.SafetyRules.Select(r => r.Id));
    }

    [Fact]
    public void Loads_gzipped_json_lines()
    {
        var gz = Path.Combine(folder, "small.jsonl.gz");
        using (var output = File.Create(gz))
        using (var zip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            zip.Write(File.ReadAllBytes(TestPaths.FixtureJsonLines));
        }

        Assert.Equal(3, FaqLoader.Load(gz).Content!.Entries.Count);
    }

    [MedQuadFact]
    public void Loads_the_16k_medquad_corpus()
    {
        var result = FaqLoader.Load(TestPaths.MedQuad!);

        Assert.Equal(16407, result.Content!.Entries.Count);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    private void WriteEntry(string name, string text) => File.WriteAllText(Path.Combine(folder, "entries", name + ".md"), text);
}
