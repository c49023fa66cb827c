using System.Globalization;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Evaluation;
using CcsviBot.Core.Faq;

namespace CcsviBot.Benchmarks;

/// <summary>
/// Writes the engine's ranking features for every evaluation question (TSV), to inspect how the engine ranks them (the fit itself is the `calibrate` mode, on training data):
/// <c>dotnet run -c Release --project tests/CcsviBot.Benchmarks -- features faq faq/eval/questions.tsv</c>.
/// </summary>
internal static class FeatureDump
{
    public static int Run(string faqPath, string questionsPath)
    {
        var content = FaqLoader.Load(faqPath).Content ?? throw new InvalidOperationException($"cannot load {faqPath}");
        using var knowledgeBase = KnowledgeBaseFactory.Default.Build(content, new AnsweringOptions(), 1);
        var engine = knowledgeBase.AnswerEngine;
        var (cases, error) = EvaluationSet.Parse(File.ReadLines(questionsPath));
        if (error is not null)
        {
            throw new InvalidOperationException(error);
        }

        Console.WriteLine("line\texpected\tkind\trank\tid\tscore\tcoverage\tprecision\tanswer\tunknown\tterms");
        foreach (var evaluationCase in cases)
        {
            var reply = engine.Ask(evaluationCase.Question);
            var query = engine.Analyze(evaluationCase.Question);
            var unknown = query.Terms.Count(t => !t.Known);
            var ranked = engine.Rank(evaluationCase.Question);
            for (var i = 0; i < Math.Min(ranked.Count, 10); i++)
            {
                var m = ranked[i];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{evaluationCase.Line}\t{evaluationCase.Expected}\t{reply.Kind}\t{i + 1}\t{m.Entry.Id}\t{m.Score:0.0000}\t{m.QuestionCoverage:0.0000}\t{m.QuestionPrecision:0.0000}\t{m.AnswerCoverage:0.0000}\t{unknown}\t{query.Terms.Count}"));
            }

            if (ranked.Count == 0)
            {
                Console.WriteLine($"{evaluationCase.Line}\t{evaluationCase.Expected}\t{reply.Kind}\t0\t-\t0\t0\t0\t0\t{unknown}\t{query.Terms.Count}");
            }
        }

        return 0;
    }
}
