using System.Text.RegularExpressions;
using CcsviBot.Core.Safety;
using CcsviBot.Core.Text;
using YamlDotNet.RepresentationModel;

namespace CcsviBot.Core.Faq;

/// <summary>
/// Reads what safety.yaml holds besides its rules (<c>numbers:</c>, <c>notes:</c>, <c>situations:</c>, <c>context:</c>) and the
/// labelled examples of safety-examples.tsv, and fills the numbers into every safety text, so each number is written
/// in one place. Every problem is a located diagnostic; nothing here throws for bad content.
/// </summary>
internal static partial class SafetyContentReader
{
    public const string ExamplesFile = "safety-examples.tsv";

    /// <summary>The numbers, notes, situations and context of safety.yaml; the notes already have their numbers filled in.</summary>
    public static SafetyContent Read(string file, string? text, List<FaqDiagnostic> diagnostics)
    {
        if (text is null || Yaml.ParseMapping(text, lineOffset: 0).Root is not { } root)
        {
            // The rules reader has already reported a file that does not parse.
            return SafetyContent.Empty;
        }

        var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Yaml.Child(root, "numbers") is YamlMappingNode numberMap)
        {
            foreach (var (key, value) in numberMap.Children)
            {
                if (key is YamlScalarNode { Value: { Length: > 0 } name } && value is YamlScalarNode { Value: { } number } && number.Trim().Length > 0)
                {
                    numbers[name] = number.Trim();
                }
                else
                {
                    diagnostics.Add(new FaqDiagnostic(file, Yaml.LineOf(key), DiagnosticSeverity.Error, "a number is 'name: text'"));
                }
            }
        }

        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Yaml.Child(root, "notes") is YamlMappingNode noteMap)
        {
            foreach (var (key, value) in noteMap.Children)
            {
                if (key is YamlScalarNode { Value: { Length: > 0 } ruleId } && value is YamlScalarNode { Value: { } note } && note.Trim().Length > 0)
                {
                    notes[ruleId] = FillNumbers(note.Trim(), numbers, file, Yaml.LineOf(value), diagnostics);
                }
                else
                {
                    diagnostics.Add(new FaqDiagnostic(file, Yaml.LineOf(key), DiagnosticSeverity.Error, "a note is 'rule-id: text'"));
                }
            }
        }

        var situations = new List<SituationConcept>();
        foreach (var (section, isContext) in new[] { ("situations", false), ("context", true) })
        {
            if (Yaml.Child(root, section) is not YamlMappingNode situationMap)
            {
                continue;
            }

            foreach (var (key, value) in situationMap.Children)
            {
                var phrases = value is YamlSequenceNode sequence
                    ? sequence.OfType<YamlScalarNode>().Select(s => s.Value?.Trim() ?? "").Where(s => s.Length > 0).ToList()
                    : [];
                if (key is not YamlScalarNode { Value: { Length: > 0 } name } || phrases.Count == 0)
                {
                    diagnostics.Add(new FaqDiagnostic(file, Yaml.LineOf(key), DiagnosticSeverity.Error, "a situation is 'name: [words people use for it]'"));
                    continue;
                }

                situations.Add(new SituationConcept(name, phrases, isContext));
            }
        }

        // Compared as written, not by stem (the loader has no analyzer): "taking" would still hold "take" back, but a
        // word listed as a situation writes it can be found by whoever reads the list, so that is what the warning asks.
        var everyday = Yaml.ScalarList(root, "everyday").Select(s => (Word: s.Value.Trim(), s.Line)).Where(s => s.Word.Length > 0).ToList();
        var situationPhrases = situations.Where(s => !s.IsContext).SelectMany(s => s.Phrases).Select(TextNormalizer.Normalize).ToHashSet(StringComparer.Ordinal);
        foreach (var (word, line) in everyday.Where(e => !situationPhrases.Contains(TextNormalizer.Normalize(e.Word))))
        {
            diagnostics.Add(new FaqDiagnostic(file, line, DiagnosticSeverity.Warning, $"everyday word '{word}' is not written as a word of any danger situation: list it as a situation writes it, or it may change nothing"));
        }

        return new SafetyContent { Numbers = numbers, Notes = notes, Situations = situations, Everyday = everyday.Select(e => e.Word).ToList() };
    }

    /// <summary>
    /// The examples of safety-examples.tsv: <c>message⇥label⇥category⇥writer</c>, label one of emergency, crisis, info,
    /// ordinary; blank lines and lines starting with # are skipped.
    /// </summary>
    public static List<SafetyExample> ReadExamples(string file, string? text, List<FaqDiagnostic> diagnostics)
    {
        var examples = new List<SafetyExample>();
        if (text is null)
        {
            return examples;
        }

        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Trim().Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var fields = trimmed.Split('\t');
            if (fields.Length != 4 || fields[0].Trim().Length == 0 || !Enum.TryParse<SafetyLabel>(fields[1].Trim(), ignoreCase: true, out var label)
                || !Enum.IsDefined(label) || int.TryParse(fields[1], out _))
            {
                diagnostics.Add(new FaqDiagnostic(file, lineNumber, DiagnosticSeverity.Error,
                    "expected message<TAB>label<TAB>category<TAB>writer, label one of emergency, crisis, info, ordinary"));
                continue;
            }

            examples.Add(new SafetyExample(fields[0].Trim(), label, fields[2].Trim(), fields[3].Trim()));
        }

        return examples;
    }

    /// <summary><paramref name="text"/> with each <c>{name}</c> replaced by its number; an unknown name is an error and stays as written.</summary>
    public static string FillNumbers(string text, IReadOnlyDictionary<string, string> numbers, string file, int line, List<FaqDiagnostic> diagnostics) =>
        Placeholder().Replace(text, match =>
        {
            if (numbers.TryGetValue(match.Groups[1].Value, out var number))
            {
                return number;
            }

            diagnostics.Add(new FaqDiagnostic(file, line, DiagnosticSeverity.Error, $"'{match.Value}' names no entry of 'numbers:'"));
            return match.Value;
        });

    [GeneratedRegex(@"\{([a-z][a-z0-9-]*)\}")]
    private static partial Regex Placeholder();
}
