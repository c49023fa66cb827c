using System.Globalization;
using System.Text.RegularExpressions;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Search;

namespace CcsviBot.Benchmarks.Calibration;

/// <summary>
/// Fits the engine on training data that is NOT faq/eval/questions.tsv, so the evaluation stays a held-out measurement:
/// <c>dotnet run -c Release --project tests/CcsviBot.Benchmarks -- calibrate</c>.
/// In scope: leave-one-out over every entry's phrasings (the phrasing is asked of a knowledge base built without it;
/// right when the top candidate is its entry). Out of scope: a fixed-seed sample of MedQuAD questions on other health
/// topics plus the chatter lines of <c>out-of-scope.txt</c> beside this file (never right).
/// Chooses the re-score weights (<see cref="MatchWeights"/>) by leave-one-out top-1, fits the logistic
/// <see cref="ConfidenceModel"/>, then the thresholds: wrong answers at most 2% of in-scope training, "none" on at
/// least 95% of out-of-scope training, and as many right answers as that allows.
/// </summary>
internal static partial class Calibration
{
    private const int OutOfScopeSample = 500;
    private const int Seed = 20_261_121;
    private const double MaxWrongShare = 0.02;
    private const double MinNoneShare = 0.95;

    public static int Run(bool showMisses)
    {
        var root = Corpora.RepositoryRoot;
        var content = FaqLoader.Load(Path.Combine(root, "faq")).Content ?? throw new InvalidOperationException("cannot load faq/");
        var grid = WeightGrid().ToList();

        // Leave-one-out: one knowledge base per phrasing, every weight setting ranked on the same candidates.
        var inScope = new List<(string Question, string Expected, AnalyzedQuery Query, IReadOnlyList<MatchScore>[] Ranked)>();
        foreach (var entry in content.Entries)
        {
            var phrasings = entry.Alternates.Prepend(entry.Question).ToList();
            for (var left = 0; left < phrasings.Count; left++)
            {
                var rest = phrasings.Where((_, i) => i != left).ToList();
                var without = entry with { Question = rest[0], Alternates = rest.Skip(1).ToList() };
                var loo = content with { Entries = content.Entries.Select(e => ReferenceEquals(e, entry) ? without : e).ToList() };
                using var knowledgeBase = KnowledgeBaseFactory.Build(loo, new AnsweringOptions(), 1);
                var engine = (AnswerEngine)knowledgeBase.Engine;
                var query = engine.Analyze(phrasings[left]);
                inScope.Add((phrasings[left], entry.Id, query, grid.Select(w => engine.Rank(query, w)).ToArray()));
            }
        }

        var outOfScope = new List<(string Question, AnalyzedQuery Query, IReadOnlyList<MatchScore>[] Ranked)>();
        using (var full = KnowledgeBaseFactory.Build(content, new AnsweringOptions(), 1))
        {
            var engine = (AnswerEngine)full.Engine;
            foreach (var question in OutOfScopeQuestions(root))
            {
                // Danger phrases and small talk never reach the confidence model.
                if (engine.Ask(question).Kind is ReplyKind.Urgent or ReplyKind.SmallTalk)
                {
                    continue;
                }

                var query = engine.Analyze(question);
                outOfScope.Add((question, query, grid.Select(w => engine.Rank(query, w)).ToArray()));
            }
        }

        // Each weight setting gets its own confidence fit and thresholds; the one answering most training questions
        // rightly within the limits wins (ties: better leave-one-out top-1).
        var fits = grid.Select((_, g) => Fit(
            inScope.Select(c => (c.Query, Ranked: c.Ranked[g], Right: c.Ranked[g].Count > 0 && c.Ranked[g][0].Entry.Id == c.Expected, InScope: true))
                .Concat(outOfScope.Select(c => (c.Query, Ranked: c.Ranked[g], Right: false, InScope: false)))
                .ToList())).ToList();
        var topOne = grid.Select((_, g) => inScope.Count(c => c.Ranked[g].Count > 0 && c.Ranked[g][0].Entry.Id == c.Expected) / (double)inScope.Count).ToList();
        var best = Enumerable.Range(0, grid.Count).OrderByDescending(g => fits[g].AnsweredRight).ThenByDescending(g => topOne[g]).First();
        var current = grid.IndexOf(MatchWeights.Default);
        Console.WriteLine(Invariant($"leave-one-out phrasings: {inScope.Count}; out of scope: {outOfScope.Count}"));
        if (current >= 0)
        {
            Console.WriteLine(Invariant($"current weights: top-1 {topOne[current]:P1}, answered right {fits[current].AnsweredRight:P1}"));
        }

        Console.WriteLine(Invariant($"best weights: top-1 {topOne[best]:P1}, answered right {fits[best].AnsweredRight:P1}"));
        var (coefficients, scored, answer, clarify, _) = fits[best];
        var inCount = scored.Count(s => s.InScope);
        var outConfidences = scored.Where(s => !s.InScope).Select(s => s.Confidence).ToList();

        if (showMisses)
        {
            // Training data only: to see classes of failure, never the evaluation set.
            foreach (var miss in inScope.Where(c => c.Ranked[best].Count == 0 || c.Ranked[best][0].Entry.Id != c.Expected))
            {
                Console.WriteLine($"loo miss\t{miss.Expected}\t{(miss.Ranked[best].Count > 0 ? miss.Ranked[best][0].Entry.Id : "-")}\t{miss.Question}");
            }

            foreach (var (row, question) in scored.Skip(inScope.Count).Zip(outOfScope.Select(o => o.Question)).Where(p => p.First.Confidence >= 0.2).OrderByDescending(p => p.First.Confidence))
            {
                Console.WriteLine(Invariant($"out of scope\t{row.Confidence:0.00}\t{question}"));
            }
        }

        Console.WriteLine($"fitted on {inCount} in-scope and {outConfidences.Count} out-of-scope rows");
        var w = grid[best];
        Console.WriteLine(Invariant($"MatchWeights.Default new({w.Phrasing}, {w.PrecisionShare}, {w.Answer}, {w.Search}, {w.Vocabulary}, {w.Unknown}, {w.FunctionWord}, {w.SoftCredit})"));
        Console.WriteLine("ConfidenceModel.Coefficients (intercept, " + string.Join(", ", ConfidenceModel.FeatureNames) + "):");
        Console.WriteLine("    [" + string.Join(", ", coefficients.Select(c => c.ToString("0.###", CultureInfo.InvariantCulture))) + "]");
        Console.WriteLine(Invariant($"Answering:AnswerThreshold {answer:0.####}  ClarifyThreshold {clarify:0.####}"));
        Console.WriteLine(Invariant($"training in scope: answered right {scored.Count(s => s.InScope && s.Right && s.Confidence >= answer) / (double)inCount:P1}, answered wrongly {scored.Count(s => s.InScope && !s.Right && s.Confidence >= answer) / (double)inCount:P1}, clarify {scored.Count(s => s.InScope && s.Confidence >= clarify && s.Confidence < answer) / (double)inCount:P1}"));
        Console.WriteLine(Invariant($"training out of scope: none {outConfidences.Count(c => c < clarify) / (double)outConfidences.Count:P1}, answered {outConfidences.Count(c => c >= answer) / (double)outConfidences.Count:P1}"));
        return 0;
    }

    private sealed record Calibrated(double[] Coefficients, List<(double Confidence, bool Right, bool InScope)> Scored, double AnswerThreshold, double ClarifyThreshold, double AnsweredRight);

    private static Calibrated Fit(List<(AnalyzedQuery Query, IReadOnlyList<MatchScore> Ranked, bool Right, bool InScope)> rows)
    {
        var fitted = rows.Where(r => r.Ranked.Count > 0 && !r.Query.IsEmpty).ToList();
        var coefficients = FitLogistic(fitted.Select(r => ConfidenceModel.Features(r.Query, r.Ranked)).ToList(), fitted.Select(r => r.Right).ToList());
        var scored = rows.Select(r => (
            Confidence: r.Ranked.Count == 0 || r.Query.IsEmpty ? 0 : Math.Round(ConfidenceModel.Logistic(coefficients, ConfidenceModel.Features(r.Query, r.Ranked)), 4),
            r.Right,
            r.InScope)).ToList();
        var outConfidences = scored.Where(s => !s.InScope).Select(s => s.Confidence).ToList();
        var inCount = scored.Count(s => s.InScope);
        var candidates = scored.Select(s => s.Confidence).Append(1).Distinct().Order().ToList();
        var clarify = candidates.First(t => outConfidences.Count(c => c >= t) <= (1 - MinNoneShare) * outConfidences.Count);
        var answer = candidates.Where(t => t >= clarify).First(t => scored.Count(s => s.InScope && !s.Right && s.Confidence >= t) <= MaxWrongShare * inCount);
        var right = scored.Count(s => s.InScope && s.Right && s.Confidence >= answer) / (double)inCount;
        return new Calibrated(coefficients, scored, answer, clarify, right);
    }

    private static IEnumerable<MatchWeights> WeightGrid()
    {
        // The phrasing weight stays fixed: only the ratios change the ranking, and the confidence model absorbs scale.
        // A neighbourhood of the current weights: a full grid would take minutes. The function-word weight (0.3) was
        // checked the same way against 0.15 and 0.5.
        foreach (var precisionShare in new[] { 0.5, 0.7 })
        {
            foreach (var answer in new[] { 0.6, 0.8 })
            {
                foreach (var vocabulary in new[] { 0.6, 0.9 })
                {
                    foreach (var unknown in new[] { 1.5, 2.5 })
                    {
                        foreach (var softCredit in new[] { 0.4, 0.6, 0.8 })
                        {
                            yield return MatchWeights.Default with { PrecisionShare = precisionShare, Answer = answer, Vocabulary = vocabulary, Unknown = unknown, SoftCredit = softCredit };
                        }
                    }
                }
            }
        }
    }

    private static List<string> OutOfScopeQuestions(string root)
    {
        var medQuad = Corpora.Load(Corpora.MedQuad).Entries
            .Select(e => e.Question.Trim())
            .Where(q => !OnTopic().IsMatch(q))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
        var random = new Random(Seed);
        var sample = medQuad.OrderBy(_ => random.Next()).Take(OutOfScopeSample);
        var chatter = File.ReadLines(Path.Combine(root, "tests", "CcsviBot.Benchmarks", "Calibration", "out-of-scope.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'));
        return [.. sample, .. chatter];
    }

    // MedQuAD questions that touch the FAQ's own topic are not out of scope.
    [GeneratedRegex(@"\b(ms|multiple sclerosis|sclerosis|veins?|venous|ccsvi|angioplasty|stents?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnTopic();

    /// <summary>Logistic regression by Newton's method, with a small ridge on the weights (not the intercept).</summary>
    private static double[] FitLogistic(IReadOnlyList<double[]> features, IReadOnlyList<bool> outcomes)
    {
        const double Ridge = 0.01;
        var size = features[0].Length + 1;
        var beta = new double[size];
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var gradient = new double[size];
            var hessian = new double[size, size];
            for (var n = 0; n < features.Count; n++)
            {
                var x = features[n].Prepend(1.0).ToArray();
                var p = ConfidenceModel.Logistic(beta, features[n]);
                var residual = (outcomes[n] ? 1 : 0) - p;
                for (var i = 0; i < size; i++)
                {
                    gradient[i] += residual * x[i];
                    for (var j = 0; j < size; j++)
                    {
                        hessian[i, j] += p * (1 - p) * x[i] * x[j];
                    }
                }
            }

            for (var i = 1; i < size; i++)
            {
                gradient[i] -= Ridge * beta[i];
                hessian[i, i] += Ridge;
            }

            var step = Solve(hessian, gradient);
            for (var i = 0; i < size; i++)
            {
                beta[i] += step[i];
            }

            if (step.Max(Math.Abs) < 1e-8)
            {
                break;
            }
        }

        return beta;
    }

    /// <summary>Gaussian elimination with partial pivoting (the matrix is small and positive definite).</summary>
    private static double[] Solve(double[,] matrix, double[] vector)
    {
        var n = vector.Length;
        var a = (double[,])matrix.Clone();
        var b = (double[])vector.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(a[r, col]));
            for (var k = 0; k < n; k++)
            {
                (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
            }

            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (var row = col + 1; row < n; row++)
            {
                var factor = a[row, col] / a[col, col];
                for (var k = col; k < n; k++)
                {
                    a[row, k] -= factor * a[col, k];
                }

                b[row] -= factor * b[col];
            }
        }

        var solution = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = b[row];
            for (var k = row + 1; k < n; k++)
            {
                sum -= a[row, k] * solution[k];
            }

            solution[row] = sum / a[row, row];
        }

        return solution;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
