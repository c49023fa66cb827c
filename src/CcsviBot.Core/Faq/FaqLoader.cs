using System.IO.Compression;
using System.Text.Json;
using CcsviBot.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CcsviBot.Core.Faq;

/// <summary>
/// Loads an FAQ from a folder (<c>entries/*.md</c> with YAML front matter, <c>disclaimer.md</c>, <c>safety.yaml</c>,
/// <c>smalltalk.yaml</c>, <c>synonyms.yaml</c>, optionally <c>out-of-scope.yaml</c>) or from a JSON Lines file (<c>.jsonl</c> / <c>.jsonl.gz</c>).
/// Never throws for bad content: a broken entry is left out with a located diagnostic, and the rest loads.
/// </summary>
public static class FaqLoader
{
    public const string EntriesFolder = "entries";
    public const string DisclaimerFile = "disclaimer.md";
    public const string SafetyFile = "safety.yaml";
    public const string SmallTalkFile = "smalltalk.yaml";
    public const string SynonymsFile = "synonyms.yaml";
    public const string OutOfScopeFile = "out-of-scope.yaml";
    public const string SubjectsFile = "subjects.yaml";
    public const string AsksFile = "asks.yaml";

    /// <summary>The disclaimer an FAQ without its own gets; also what a reply carries when no FAQ could be loaded yet.</summary>
    public static string DefaultDisclaimer => (BuiltInContent.Read(DisclaimerFile) ?? BuiltInContent.FallbackDisclaimer).Trim();

    /// <summary>
    /// Loads <paramref name="path"/>. A JSON Lines FAQ has no disclaimer, safety, small-talk or synonym files of its own:
    /// they come from <paramref name="supportFolder"/> (a faq/ folder) when it has them, otherwise from the built-in defaults.
    /// </summary>
    public static FaqLoadResult Load(string path, string? supportFolder = null)
    {
        var diagnostics = new List<FaqDiagnostic>();
        try
        {
            if (Directory.Exists(path))
            {
                return LoadFolder(path, diagnostics);
            }

            if (File.Exists(path) && IsJsonLines(path))
            {
                return LoadJsonLines(path, supportFolder, diagnostics);
            }

            diagnostics.Add(new FaqDiagnostic(path, 0, DiagnosticSeverity.Error,
                File.Exists(path) ? "not an FAQ: expected a folder, a .jsonl or a .jsonl.gz file" : "no such folder or file"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            diagnostics.Add(new FaqDiagnostic(path, 0, DiagnosticSeverity.Error, $"cannot read: {ex.Message}"));
        }

        return new FaqLoadResult(null, diagnostics);
    }

    public static bool IsJsonLines(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase);

    private static FaqLoadResult LoadFolder(string folder, List<FaqDiagnostic> diagnostics)
    {
        var entries = new List<FaqEntry>();
        var locations = new Dictionary<string, EntryLocation>(StringComparer.Ordinal);
        var entriesFolder = Path.Combine(folder, EntriesFolder);
        if (!Directory.Exists(entriesFolder))
        {
            diagnostics.Add(new FaqDiagnostic(entriesFolder, 0, DiagnosticSeverity.Error, "missing entries folder"));
        }
        else
        {
            foreach (var file in Directory.EnumerateFiles(entriesFolder, "*.md").Order(StringComparer.Ordinal))
            {
                var loaded = MarkdownEntryReader.Read(file, File.ReadAllText(file), diagnostics);
                if (loaded is null)
                {
                    continue;
                }

                if (!locations.TryAdd(loaded.Value.Entry.Id, loaded.Value.Location))
                {
                    diagnostics.Add(new FaqDiagnostic(file, loaded.Value.Location.LineOf("id"), DiagnosticSeverity.Error,
                        $"duplicate id '{loaded.Value.Entry.Id}' (also in {locations[loaded.Value.Entry.Id].File})"));
                    continue;
                }

                entries.Add(loaded.Value.Entry);
            }

            if (entries.Count == 0)
            {
                diagnostics.Add(new FaqDiagnostic(entriesFolder, 0, DiagnosticSeverity.Error, "no entries"));
            }
        }

        var content = WithSupportFiles(entries, folder, requireFiles: true, diagnostics);
        var outOfScopePath = Path.Combine(folder, OutOfScopeFile);
        if (File.Exists(outOfScopePath))
        {
            // Examples belong to this FAQ: no built-in default, and a JSON Lines corpus has none.
            var examples = SupportFileReader.ReadQuestions(outOfScopePath, File.ReadAllText(outOfScopePath), diagnostics);
            content = content with { OutOfScopeExamples = WithoutContradictions(examples, entries, outOfScopePath, diagnostics) };
        }

        var subjectsPath = Path.Combine(folder, SubjectsFile);
        var subjects = File.Exists(subjectsPath) ? SupportFileReader.ReadConcepts(subjectsPath, File.ReadAllText(subjectsPath), "subjects", diagnostics) : [];
        CheckEntrySubjects(entries, subjects, locations, subjectsPath, diagnostics);
        var asksPath = Path.Combine(folder, AsksFile);
        var asks = File.Exists(asksPath) ? SupportFileReader.ReadConcepts(asksPath, File.ReadAllText(asksPath), "asks", diagnostics) : [];
        content = content with { Subjects = subjects, Asks = asks };

        return new FaqLoadResult(entries.Count == 0 ? null : content, diagnostics) { Locations = locations };
    }

    /// <summary>An entry's subject must be one the subjects file lists: a typo would silently hide the entry from its questions.</summary>
    private static void CheckEntrySubjects(List<FaqEntry> entries, List<FaqConcept> subjects, Dictionary<string, EntryLocation> locations, string subjectsPath, List<FaqDiagnostic> diagnostics)
    {
        foreach (var entry in entries)
        {
            foreach (var subject in entry.Subjects.Where(id => !subjects.Any(s => string.Equals(s.Id, id, StringComparison.Ordinal))))
            {
                var location = locations.GetValueOrDefault(entry.Id);
                diagnostics.Add(new FaqDiagnostic(location?.File ?? entry.Origin ?? subjectsPath, location?.LineOf("subjects") ?? 0, DiagnosticSeverity.Error,
                    $"subject '{subject}' is not listed in {SubjectsFile}"));
            }
        }
    }

    /// <summary>The examples, each once; one that is also an entry's phrasing contradicts it and is reported as an error.</summary>
    private static List<string> WithoutContradictions(List<(string Value, int Line)> examples, List<FaqEntry> entries, string file, List<FaqDiagnostic> diagnostics)
    {
        var entryOfPhrasing = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var phrasing in entry.Alternates.Prepend(entry.Question))
            {
                entryOfPhrasing.TryAdd(TextNormalizer.Normalize(phrasing), entry.Id);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<string>();
        foreach (var (question, line) in examples)
        {
            var normal = TextNormalizer.Normalize(question);
            if (entryOfPhrasing.TryGetValue(normal, out var id))
            {
                diagnostics.Add(new FaqDiagnostic(file, line, DiagnosticSeverity.Error, $"'{question}' is also a phrasing of entry '{id}': a question is either answered or out of scope"));
            }
            else if (!seen.Add(normal))
            {
                diagnostics.Add(new FaqDiagnostic(file, line, DiagnosticSeverity.Warning, $"'{question}' is listed twice"));
            }
            else
            {
                kept.Add(question);
            }
        }

        return kept;
    }

    private static FaqLoadResult LoadJsonLines(string file, string? supportFolder, List<FaqDiagnostic> diagnostics)
    {
        var entries = new List<FaqEntry>();
        var locations = new Dictionary<string, EntryLocation>(StringComparer.Ordinal);
        using (var stream = File.OpenRead(file))
        using (var decompressed = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream)
        using (var reader = new StreamReader(decompressed))
        {
            var lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var entry = JsonLinesEntryReader.Read(file, lineNumber, line, diagnostics);
                if (entry is null)
                {
                    continue;
                }

                if (!locations.TryAdd(entry.Id, new EntryLocation(file, lineNumber, FromMarkdown: false)))
                {
                    diagnostics.Add(new FaqDiagnostic(file, lineNumber, DiagnosticSeverity.Error, $"duplicate id '{entry.Id}' (first on line {locations[entry.Id].Line})"));
                    continue;
                }

                entries.Add(entry);
            }
        }

        if (entries.Count == 0)
        {
            diagnostics.Add(new FaqDiagnostic(file, 0, DiagnosticSeverity.Error, "no entries"));
        }

        var folder = supportFolder is not null && Directory.Exists(supportFolder) ? supportFolder : null;
        var content = WithSupportFiles(entries, folder, requireFiles: false, diagnostics);
        return new FaqLoadResult(entries.Count == 0 ? null : content, diagnostics) { Locations = locations };
    }

    /// <summary>Adds disclaimer, safety, small talk and synonyms: from the folder's files, else the built-in defaults.</summary>
    private static FaqContent WithSupportFiles(List<FaqEntry> entries, string? folder, bool requireFiles, List<FaqDiagnostic> diagnostics)
    {
        string? ReadSupport(string name)
        {
            var path = folder is null ? null : Path.Combine(folder, name);
            if (path is not null && File.Exists(path))
            {
                return File.ReadAllText(path);
            }

            if (requireFiles)
            {
                diagnostics.Add(new FaqDiagnostic(path ?? name, 0, DiagnosticSeverity.Warning, "missing; using the built-in default"));
            }

            return null;
        }

        string Located(string name) => folder is null ? BuiltInContent.Label(name) : Path.Combine(folder, name);

        var disclaimerText = ReadSupport(DisclaimerFile);
        var disclaimer = disclaimerText?.Trim() ?? DefaultDisclaimer;
        if (disclaimer.Length == 0)
        {
            diagnostics.Add(new FaqDiagnostic(Located(DisclaimerFile), 1, DiagnosticSeverity.Error, "the disclaimer is empty"));
            disclaimer = BuiltInContent.FallbackDisclaimer;
        }

        var safetyText = ReadSupport(SafetyFile);
        var safety = SupportFileReader.ReadRules(
            safetyText is null ? BuiltInContent.Label(SafetyFile) : Located(SafetyFile), safetyText ?? BuiltInContent.Read(SafetyFile), "rules", diagnostics);
        var safetyFile = safetyText is null ? BuiltInContent.Label(SafetyFile) : Located(SafetyFile);
        var safetyContent = SafetyContentReader.Read(safetyFile, safetyText ?? BuiltInContent.Read(SafetyFile), diagnostics);
        var safetyRules = safety
            .Select(r => new SafetyRule(r.Id, r.Phrases, SafetyContentReader.FillNumbers(r.Reply, safetyContent.Numbers, safetyFile, 0, diagnostics)))
            .ToList();

        // The examples are optional: an FAQ without its own learns from the built-in ones, so no FAQ goes without the learned screen.
        var examplesPath = folder is null ? null : Path.Combine(folder, SafetyContentReader.ExamplesFile);
        var examplesText = examplesPath is not null && File.Exists(examplesPath) ? File.ReadAllText(examplesPath) : null;
        safetyContent = safetyContent with
        {
            Examples = SafetyContentReader.ReadExamples(
                examplesText is null ? BuiltInContent.Label(SafetyContentReader.ExamplesFile) : examplesPath!,
                examplesText ?? BuiltInContent.Read(SafetyContentReader.ExamplesFile),
                diagnostics),
        };

        var smallTalkText = ReadSupport(SmallTalkFile);
        var smallTalk = SupportFileReader.ReadRules(
            smallTalkText is null ? BuiltInContent.Label(SmallTalkFile) : Located(SmallTalkFile), smallTalkText ?? BuiltInContent.Read(SmallTalkFile), "intents", diagnostics);
        var synonymsText = ReadSupport(SynonymsFile);
        var synonyms = SupportFileReader.ReadSynonyms(
            synonymsText is null ? BuiltInContent.Label(SynonymsFile) : Located(SynonymsFile), synonymsText ?? BuiltInContent.Read(SynonymsFile), diagnostics);

        return new FaqContent(
            entries,
            disclaimer,
            safetyRules,
            synonyms)
        {
            Safety = safetyContent,
            SmallTalk = smallTalk.Select(r => new SmallTalkIntent(r.Id, r.Phrases, r.Reply)).ToList(),
        };
    }
}
