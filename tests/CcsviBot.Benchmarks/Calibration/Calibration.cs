using System.Globalization;
using System.Text.RegularExpressions;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Evaluation;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Search;
using CcsviBot.Core.Text;

namespace CcsviBot.Benchmarks.Calibration;

/// <summary>
/// Fits the engine on training data that is NOT faq/eval/questions.tsv, so the evaluation stays a held-out measurement:
/// <c>dotnet run -c Release --project tests/CcsviBot.Benchmarks -- calibrate [--misses]</c>.
/// Training data: the development set <c>dev-questions.tsv</c> beside this file (visitor-style questions written
/// independently of the eval set; in scope: right when the top candidate is an expected entry; "none" lines must end
/// as none; the single-entry in-scope lines are also alternates of their entries, so each fold's dev lines are asked of
/// a knowledge base built without that fold's questions among the phrasings), a fixed-seed sample of MedQuAD questions
/// on other health topics plus the chatter lines of <c>out-of-scope.txt</c> (never right), and optionally
/// leave-one-out over the entries' other phrasings (fit only).
/// Dev and out-of-scope lines are split into five folds: for each grid setting of <see cref="MatchWeights"/> the
/// two logistic models of <see cref="ConfidenceModel"/> (answerable; top candidate right) are fitted on four folds and
/// score the fifth, so every line gets a validation confidence. Thresholds: wrong answers at most 2% of in-scope dev
/// lines and "none" on at least 95% of out-of-scope lines (dev "none" lines alone too), on validation and on training,
/// then as many right answers as that allows.
/// The final model is fitted on all training data.
/// </summary>
internal static partial class Calibration
{
    private const int OutOfScopeSample = 500;
    private const int Seed = 20_261_121;
    private const int Folds = 5;
    private const double MaxWrongShare = 0.02;
    // The floors are 3% and 90%; the margins cover the noise of a 259- and a 50-line evaluation. Raising "none" from 93%
    // to 95% moved 1 point of in-scope lines from "Did you mean" to "none" on validation and left right answers as they were.
    private const double MinNoneShare = 0.95;

    private enum Source
    {
        Dev,
        Outside,
        LeaveOneOut,
    }

    private enum Outcome
    {
        Right,
        Wrong,
        Clarify,
        None,
        Urgent,
    }

    /// <summary>
    /// One training question with its ranking under every grid setting (features null when there is no candidate).
    /// Decided: the engine replies without the model (danger phrase, small talk, an FAQ phrasing asked exactly).
    /// Fold -1: fit only, never validation.
    /// </summary>
    private sealed record Row(string Question, Source Source, IReadOnlySet<string> Expected, double[]?[] Features, string?[] TopIds, Reply? Decided, int Fold)
    {
        public bool InScope => Expected.Count > 0;

        public bool Right(int setting) => TopIds[setting] is { } id && Expected.Contains(id);
    }

    private sealed record Thresholds(double Answer, double Clarify);

    /// <summary>The two logistic models of <see cref="ConfidenceModel"/>: the question is answerable; the top candidate is right.</summary>
    private sealed record Model(IReadOnlyList<double> Scope, IReadOnlyList<double> Rank);

    private sealed record Figures(int InScope, double Right, double Wrong, double Clarify, int OutOfScope, double None, int DevNoneCount, double DevNone)
    {
        public override string ToString() => Invariant(
            $"in scope ({InScope}): answered right {Right:P1}, wrongly {Wrong:P1}, clarify {Clarify:P1}; out of scope ({OutOfScope}): none {None:P1}, dev 'none' lines ({DevNoneCount}) none {DevNone:P1}");
    }

    public static int Run(bool showMisses)
    {
        var root = Corpora.RepositoryRoot;
        var content = FaqLoader.Load(Path.Combine(root, "faq")).Content ?? throw new InvalidOperationException("cannot load faq/");
        var grid = WeightGrid().ToList();
        var random = new Random(Seed);
        var rows = new List<Row>();
        int devUrgent = 0, devUrgentFound = 0, devFalseUrgent = 0;
        IReadOnlySet<string> devPhrasings;

        using (var full = KnowledgeBaseFactory.Default.Build(content, new AnsweringOptions(), 1))
        {
            var engine = full.AnswerEngine;
            var (cases, error) = EvaluationSet.Parse(File.ReadLines(Path.Combine(root, "tests", "CcsviBot.Benchmarks", "Calibration", "dev-questions.tsv")));
            if (error is not null)
            {
                throw new InvalidOperationException("dev-questions.tsv " + error);
            }

            var knownIds = content.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var unknown in cases.SelectMany(c => c.ExpectedIds).Where(id => !knownIds.Contains(id)).Distinct())
            {
                Console.WriteLine($"warning: dev-questions.tsv expects unknown entry '{unknown}'");
            }

            // Fixed-seed folds; the order of the file does not matter.
            var devFold = 0;
            var folded = new List<(EvaluationCase Case, int Fold)>();
            foreach (var devCase in cases.OrderBy(_ => random.Next()).ToList())
            {
                if (devCase.ExpectsUrgent)
                {
                    devUrgent++;
                    var urgentReply = engine.Ask(devCase.Question);
                    devUrgentFound += urgentReply.Kind == ReplyKind.Urgent ? 1 : 0;
                    continue;
                }

                folded.Add((devCase, devFold++ % Folds));
            }

            // Dev questions are also alternates of their entries (training data may become content), so each fold is
            // cross-fitted: scored by a knowledge base without that fold's questions among the phrasings.
            for (var fold = 0; fold < Folds; fold++)
            {
                var heldBack = folded.Where(f => f.Fold == fold).Select(f => TextNormalizer.Normalize(f.Case.Question)).ToHashSet(StringComparer.Ordinal);
                using var foldBase = KnowledgeBaseFactory.Default.Build(WithoutPhrasings(content, heldBack), new AnsweringOptions(), 1);
                var foldEngine = foldBase.AnswerEngine;
                foreach (var (devCase, _) in folded.Where(f => f.Fold == fold))
                {
                    var reply = foldEngine.Ask(devCase.Question);
                    devFalseUrgent += reply.Kind == ReplyKind.Urgent ? 1 : 0;
                    var decided = reply.Kind is ReplyKind.Urgent or ReplyKind.SmallTalk || (reply.Kind == ReplyKind.Answer && reply.Confidence >= 1) ? reply : null;
                    rows.Add(Ranked(foldEngine, grid, devCase.Question, Source.Dev, devCase.ExpectedIds.ToHashSet(StringComparer.Ordinal), decided, fold));
                }
            }

            devPhrasings = folded.Select(f => TextNormalizer.Normalize(f.Case.Question)).ToHashSet(StringComparer.Ordinal);

            var outsideFold = 0;
            foreach (var question in OutOfScopeQuestions(root))
            {
                // Danger phrases and small talk never reach the confidence model.
                if (engine.Ask(question).Kind is ReplyKind.Urgent or ReplyKind.SmallTalk)
                {
                    continue;
                }

                rows.Add(Ranked(engine, grid, question, Source.Outside, new HashSet<string>(), null, outsideFold++ % Folds));
            }
        }

        // Leave-one-out: each phrasing asked of a knowledge base rebuilt without it; fit data only. Phrasings that are
        // dev questions are already cross-fitted dev lines.
        foreach (var entry in content.Entries)
        {
            var phrasings = entry.Alternates.Prepend(entry.Question).ToList();
            for (var left = 0; left < phrasings.Count; left++)
            {
                if (devPhrasings.Contains(TextNormalizer.Normalize(phrasings[left])))
                {
                    continue;
                }

                var rest = phrasings.Where((_, i) => i != left).ToList();
                var without = entry with { Question = rest[0], Alternates = rest.Skip(1).ToList() };
                var loo = content with { Entries = content.Entries.Select(e => ReferenceEquals(e, entry) ? without : e).ToList() };
                using var knowledgeBase = KnowledgeBaseFactory.Default.Build(loo, new AnsweringOptions(), 1);
                var engine = knowledgeBase.AnswerEngine;
                rows.Add(Ranked(engine, grid, phrasings[left], Source.LeaveOneOut, new HashSet<string>(StringComparer.Ordinal) { entry.Id }, null, -1));
            }
        }

        var measured = rows.Where(r => r.Source != Source.LeaveOneOut).ToList();
        var dev = measured.Where(r => r.InScope).ToList();
        Console.WriteLine(Invariant($"dev lines: {dev.Count} in scope, {measured.Count(r => r.Source == Source.Dev && !r.InScope)} none, {devUrgent} urgent (recall {devUrgentFound}/{devUrgent}, false urgent {devFalseUrgent}); MedQuAD + chatter out of scope: {measured.Count(r => r.Source == Source.Outside)}; leave-one-out phrasings: {rows.Count - measured.Count}"));

        var current = grid.IndexOf(MatchWeights.Default);
        if (current >= 0)
        {
            var defaults = new AnsweringOptions();
            var (scope, rank) = ConfidenceModel.CurrentCoefficients;
            var before = measured.Select(r => Confidence(new Model(scope, rank), r, current)).ToList();
            Console.WriteLine(Invariant($"current constants on all dev + out-of-scope lines: top-1 {TopOne(dev, current):P1}; ") + Measure(measured, before, current, new Thresholds(defaults.AnswerThreshold, defaults.ClarifyThreshold)));
        }

        // Every setting, with and without leave-one-out phrasings in the fit: cross-validated, thresholds on validation.
        var trials = (from g in Enumerable.Range(0, grid.Count) from withLoo in new[] { false, true } select CrossValidate(rows, measured, g, withLoo)).ToList();
        foreach (var withLoo in new[] { false, true })
        {
            var bestOfKind = trials.Where(t => t.WithLoo == withLoo).MaxBy(t => t.Validation.Right)!;
            Console.WriteLine(Invariant($"best with{(withLoo ? "" : "out")} leave-one-out in the fit: validation answered right {bestOfKind.Validation.Right:P1}"));
        }

        if (current >= 0)
        {
            Console.WriteLine(Invariant($"current weights, cross-validated: validation answered right {trials.Where(t => t.Setting == current).Max(t => t.Validation.Right):P1}"));
        }

        var best = trials.OrderByDescending(t => t.Validation.Right).ThenByDescending(t => TopOne(dev, t.Setting)).ThenBy(t => t.WithLoo).First();
        var s = best.Setting;

        // The final model: all training data; thresholds that hold on validation and on training.
        var model = FitModel(rows, s, best.WithLoo, _ => true);
        var trainingConfidences = measured.Select(r => Confidence(model, r, s)).ToList();
        var trained = ChooseThresholds(measured, trainingConfidences, s);
        var thresholds = new Thresholds(Math.Max(trained.Answer, best.Thresholds.Answer), Math.Max(trained.Clarify, best.Thresholds.Clarify));

        Console.WriteLine(Invariant($"chosen: weight setting {s}, leave-one-out phrasings in the fit: {best.WithLoo}, dev top-1 {TopOne(dev, s):P1}"));
        Console.WriteLine("training:   " + Measure(measured, trainingConfidences, s, thresholds));
        Console.WriteLine("validation: " + Measure(measured, best.Confidences, s, thresholds));

        if (showMisses)
        {
            // Training data only: to see classes of failure, never the evaluation set.
            for (var i = 0; i < measured.Count; i++)
            {
                var row = measured[i];
                var outcome = Decide(row, s, best.Confidences[i], thresholds);
                if (row.InScope ? outcome != Outcome.Right : outcome != Outcome.None)
                {
                    Console.WriteLine(Invariant($"miss\t{row.Source}\t{string.Join('|', row.Expected.DefaultIfEmpty("none"))}\t{outcome}\t{row.TopIds[s] ?? "-"}\t{best.Confidences[i]:0.00}\t{row.Question}"));
                }
            }
        }

        var w = grid[s];
        Console.WriteLine(Invariant($"MatchWeights.Default new({w.Phrasing}, {w.PrecisionShare}, {w.Answer}, {w.Vocabulary}, {w.Unknown}, {w.FunctionWord}, {w.SoftCredit}, {w.Affinity}, {w.Preference})"));
        Console.WriteLine("ConfidenceModel.ScopeCoefficients and RankCoefficients (intercept, " + string.Join(", ", ConfidenceModel.FeatureNames) + "):");
        Console.WriteLine("    [" + string.Join(", ", model.Scope.Select(c => c.ToString("0.###", CultureInfo.InvariantCulture))) + "]");
        Console.WriteLine("    [" + string.Join(", ", model.Rank.Select(c => c.ToString("0.###", CultureInfo.InvariantCulture))) + "]");
        Console.WriteLine(Invariant($"Answering:AnswerThreshold {thresholds.Answer:0.####}  ClarifyThreshold {thresholds.Clarify:0.####}"));
        return 0;
    }

    /// <summary>The content without the given phrasings (normal form); an entry keeps its first remaining phrasing as its question.</summary>
    private static FaqContent WithoutPhrasings(FaqContent content, IReadOnlySet<string> removed) => content with
    {
        Entries = content.Entries.Select(entry =>
        {
            var kept = entry.Alternates.Prepend(entry.Question).Where(p => !removed.Contains(TextNormalizer.Normalize(p))).ToList();
            return kept.Count == 0 ? entry : entry with { Question = kept[0], Alternates = kept.Skip(1).ToList() };
        }).ToList(),
        OutOfScopeExamples = content.OutOfScopeExamples.Where(q => !removed.Contains(TextNormalizer.Normalize(q))).ToList(),
    };

    private static Row Ranked(AnswerEngine engine, List<MatchWeights> grid, string question, Source source, IReadOnlySet<string> expected, Reply? decided, int fold)
    {
        var query = engine.Analyze(question);
        var ranked = grid.Select(w => engine.Rank(query, w)).ToList();
        var lift = engine.ScopeLift(query);
        return new Row(question, source, expected, [.. ranked.Select(r => r.Count == 0 || query.IsEmpty ? null : ConfidenceModel.Features(query, r, lift))],
            [.. ranked.Select(r => r.Count == 0 ? null : r[0].Entry.Id)], decided, fold);
    }

    private sealed record Trial(int Setting, bool WithLoo, List<double> Confidences, Thresholds Thresholds, Figures Validation);

    /// <summary>Five folds: each fold's dev and out-of-scope lines are scored by a model fitted without them.</summary>
    private static Trial CrossValidate(List<Row> rows, List<Row> measured, int setting, bool withLoo)
    {
        var confidences = new double[measured.Count];
        for (var fold = 0; fold < Folds; fold++)
        {
            var model = FitModel(rows, setting, withLoo, r => r.Fold != fold);
            for (var i = 0; i < measured.Count; i++)
            {
                if (measured[i].Fold == fold)
                {
                    confidences[i] = Confidence(model, measured[i], setting);
                }
            }
        }

        var validation = confidences.ToList();
        var thresholds = ChooseThresholds(measured, validation, setting);
        return new Trial(setting, withLoo, validation, thresholds, Measure(measured, validation, setting, thresholds));
    }

    private static Model FitModel(List<Row> rows, int setting, bool withLoo, Func<Row, bool> inTraining)
    {
        var fitted = rows.Where(r => r.Decided is null && r.Features[setting] is not null && (r.Source == Source.LeaveOneOut ? withLoo : inTraining(r))).ToList();
        var answerable = fitted.Where(r => r.InScope).ToList();
        return new Model(
            FitLogistic(fitted.Select(r => r.Features[setting]!).ToList(), fitted.Select(r => r.InScope).ToList()),
            FitLogistic(answerable.Select(r => r.Features[setting]!).ToList(), answerable.Select(r => r.Right(setting)).ToList()));
    }

    private static double Confidence(Model model, Row row, int setting) =>
        row.Features[setting] is { } features ? ConfidenceModel.Confidence(model.Scope, model.Rank, features) : 0;

    private static Outcome Decide(Row row, int setting, double confidence, Thresholds thresholds)
    {
        if (row.Decided is { } reply)
        {
            return reply.Kind switch
            {
                ReplyKind.Answer => row.Expected.Contains(reply.Entry!.Id) ? Outcome.Right : Outcome.Wrong,
                ReplyKind.Urgent => Outcome.Urgent,
                _ => Outcome.None,
            };
        }

        return confidence >= thresholds.Answer ? (row.Right(setting) ? Outcome.Right : Outcome.Wrong)
            : confidence >= thresholds.Clarify ? Outcome.Clarify
            : Outcome.None;
    }

    private static Figures Measure(List<Row> measured, IReadOnlyList<double> confidences, int setting, Thresholds thresholds)
    {
        var outcomes = measured.Select((r, i) => (Row: r, Outcome: Decide(r, setting, confidences[i], thresholds))).ToList();
        var inScope = outcomes.Where(o => o.Row.InScope).ToList();
        // An out-of-scope line the safety screen takes for urgent never reaches the model, whatever its thresholds: counted
        // here, it made the "none" floor unreachable (the screen's false urgent lines are counted on their own, above).
        var outOfScope = outcomes.Where(o => !o.Row.InScope && o.Outcome != Outcome.Urgent).ToList();
        var devNone = outOfScope.Where(o => o.Row.Source == Source.Dev).ToList();
        static double Share(List<(Row Row, Outcome Outcome)> items, Outcome outcome) => items.Count == 0 ? 1 : items.Count(o => o.Outcome == outcome) / (double)items.Count;
        return new Figures(inScope.Count, Share(inScope, Outcome.Right), Share(inScope, Outcome.Wrong), Share(inScope, Outcome.Clarify),
            outOfScope.Count, Share(outOfScope, Outcome.None), devNone.Count, Share(devNone, Outcome.None));
    }

    /// <summary>The lowest clarify threshold giving "none" on enough out-of-scope lines (all, and dev "none" lines alone),
    /// then the lowest answer threshold keeping wrong answers rare.</summary>
    private static Thresholds ChooseThresholds(List<Row> measured, IReadOnlyList<double> confidences, int setting)
    {
        var candidates = confidences.Append(1).Distinct().Order().ToList();
        var clarify = FirstHolding(candidates, t =>
        {
            var figures = Measure(measured, confidences, setting, new Thresholds(1.01, t));
            return figures.None >= MinNoneShare && figures.DevNone >= MinNoneShare;
        });
        var answer = FirstHolding(candidates.Where(t => t >= clarify).ToList(), t => Measure(measured, confidences, setting, new Thresholds(t, clarify)).Wrong <= MaxWrongShare);
        return new Thresholds(answer, clarify);
    }

    /// <summary>Binary search for the first threshold meeting a condition that, once met, holds for every higher one (1 when none does).</summary>
    private static double FirstHolding(List<double> ascending, Func<double, bool> holds)
    {
        int low = 0, high = ascending.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (holds(ascending[middle]))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low < ascending.Count ? ascending[low] : 1;
    }

    private static double TopOne(List<Row> inScope, int setting) => inScope.Count(r => r.Right(setting)) / (double)inScope.Count;
    private static IEnumerable<MatchWeights> WeightGrid()
    {
        // The phrasing weight stays fixed: only the ratios change the ranking, and the confidence model absorbs scale.
        // A neighbourhood of the current weights: a full grid would take minutes. Precision share (0.5, 0.7), soft
        // credit (0.6, 0.8, 1.0), the function-word weight (0.15, 0.3, 0.5), the vocabulary weight (0.4, 0.6) and the
        // unknown-word factor (1.5, 2.5) were checked the same way and are fixed.
        foreach (var answer in new[] { 0.6, 0.8 })
        {
            foreach (var affinity in new[] { 0, 0.3 })
            {
                foreach (var preference in new[] { 0, 0.15, 0.3, 0.6 })
                {
                    yield return MatchWeights.Default with { Answer = answer, Affinity = affinity, Preference = preference };
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
