using System.IO.Compression;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CcsviBot.Core.Faq;

/// <summary>Reads the YAML support files, with line numbers for every problem.</summary>
internal static class SupportFileReader
{
    public sealed record PhraseRule(string Id, IReadOnlyList<string> Phrases, string Reply);

    /// <summary><c>{listKey}: [{id, phrases: [..], reply}]</c> — safety rules and small-talk intents share this shape.</summary>
    public static List<PhraseRule> ReadRules(string file, string? text, string listKey, List<FaqDiagnostic> diagnostics)
    {
        var rules = new List<PhraseRule>();
        if (List(file, text, listKey, diagnostics) is not { } list)
        {
            return rules;
        }

        foreach (var item in list)
        {
            var line = Yaml.LineOf(item);
            if (item is not YamlMappingNode map)
            {
                diagnostics.Add(new FaqDiagnostic(file, line, DiagnosticSeverity.Error, "expected an item with id, phrases and reply"));
                continue;
            }

            var id = Yaml.Scalar(map, "id");
            var reply = Yaml.Scalar(map, "reply")?.Trim();
            var phrases = Yaml.Texts(map, "phrases");
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(reply) || phrases.Count == 0)
            {
                diagnostics.Add(new FaqDiagnostic(file, line, DiagnosticSeverity.Error, "an item needs an id, at least one phrase and a reply"));
                continue;
            }

            rules.Add(new PhraseRule(id.Trim(), phrases, reply));
        }

        return rules;
    }

    /// <summary><c>questions: [text, ...]</c>; blank items are left out.</summary>
    public static List<(string Value, int Line)> ReadQuestions(string file, string? text, List<FaqDiagnostic> diagnostics)
    {
        if (List(file, text, "questions", diagnostics) is not { } list)
        {
            return [];
        }

        var questions = new List<(string Value, int Line)>();
        foreach (var item in list)
        {
            if (item is not YamlScalarNode { Value: { } value })
            {
                diagnostics.Add(new FaqDiagnostic(file, Yaml.LineOf(item), DiagnosticSeverity.Error, "expected a question as plain text"));
                continue;
            }

            if (value.Trim().Length > 0)
            {
                questions.Add((value.Trim(), Yaml.LineOf(item)));
            }
        }

        return questions;
    }

    /// <summary><c>groups: [[term, term, ...], ...]</c>.</summary>
    public static List<IReadOnlyList<string>> ReadSynonyms(string file, string? text, List<FaqDiagnostic> diagnostics)
    {
        var groups = new List<IReadOnlyList<string>>();
        if (List(file, text, "groups", diagnostics) is not { } list)
        {
            return groups;
        }

        foreach (var item in list)
        {
            var terms = item is YamlSequenceNode sequence
                ? sequence.OfType<YamlScalarNode>().Select(s => s.Value?.Trim() ?? "").Where(s => s.Length > 0).ToList()
                : [];
            if (terms.Count < 2)
            {
                diagnostics.Add(new FaqDiagnostic(file, Yaml.LineOf(item), DiagnosticSeverity.Error, "a synonym group is a list of at least two terms"));
                continue;
            }

            groups.Add(terms);
        }

        return groups;
    }

    /// <summary>
    /// <c>{key}: [{id, about, names: [..], not: [..]}]</c>, the concepts of <c>subjects.yaml</c> (the first is the FAQ's
    /// main subject) or <c>asks.yaml</c>.
    /// </summary>
    public static List<FaqConcept> ReadConcepts(string file, string? text, string key, List<FaqDiagnostic> diagnostics)
    {
        var concepts = new List<FaqConcept>();
        if (List(file, text, key, diagnostics) is not { } list)
        {
            return concepts;
        }

        foreach (var item in list)
        {
            var line = Yaml.LineOf(item);
            var concept = item as YamlMappingNode;
            var id = concept is null ? null : Yaml.Scalar(concept, "id")?.Trim();
            var names = concept is null ? [] : Yaml.Texts(concept, "names");
            if (concept is null || string.IsNullOrEmpty(id) || names.Count == 0)
            {
                diagnostics.Add(new FaqDiagnostic(file, line, DiagnosticSeverity.Error, $"each of '{key}' needs an id and at least one name"));
                continue;
            }

            if (concepts.Any(s => string.Equals(s.Id, id, StringComparison.Ordinal)))
            {
                diagnostics.Add(new FaqDiagnostic(file, line, DiagnosticSeverity.Error, $"'{id}' is listed twice in '{key}'"));
                continue;
            }

            var declined = Yaml.Scalar(concept, "declined")?.Trim();
            concepts.Add(new FaqConcept(id, Yaml.Scalar(concept, "about")?.Trim() ?? id, names, Yaml.Texts(concept, "not"), string.IsNullOrEmpty(declined) ? null : declined));
        }

        return concepts;
    }

    /// <summary>The <c>{key}:</c> list of a support file; null (with a diagnostic when the file has no such list) otherwise.</summary>
    private static YamlSequenceNode? List(string file, string? text, string key, List<FaqDiagnostic> diagnostics)
    {
        var root = Parse(file, text, diagnostics);
        if (root is null)
        {
            return null;
        }

        if (Yaml.Child(root, key) is not YamlSequenceNode list)
        {
            diagnostics.Add(new FaqDiagnostic(file, Yaml.LineOf(root), DiagnosticSeverity.Error, $"expected a '{key}:' list"));
            return null;
        }

        return list;
    }

    private static YamlMappingNode? Parse(string file, string? text, List<FaqDiagnostic> diagnostics)
    {
        if (text is null)
        {
            return null;
        }

        var (root, error) = Yaml.ParseMapping(text, lineOffset: 0);
        if (error is not null)
        {
            diagnostics.Add(new FaqDiagnostic(file, error.Value.Line, DiagnosticSeverity.Error, error.Value.Message));
        }

        return root;
    }
}
