using CcsviBot.Core.Faq;
using CcsviBot.Core.Safety;

namespace CcsviBot.Core.Evaluation;

/// <summary>A labelled safety message file (faq/eval/urgent.tsv) in the format of faq/safety-examples.tsv.</summary>
public static class SafetyEvaluationSet
{
    public static (IReadOnlyList<SafetyExample> Examples, IReadOnlyList<FaqDiagnostic> Problems) Parse(string file, string text)
    {
        var problems = new List<FaqDiagnostic>();
        var examples = SafetyContentReader.ReadExamples(file, text, problems);
        return (examples, problems);
    }
}
