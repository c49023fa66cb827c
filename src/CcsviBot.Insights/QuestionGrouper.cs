using CcsviBot.Core.Text;

namespace CcsviBot.Insights;

/// <summary>
/// Groups visitors' questions that say the same thing in different words, so that the report shows
/// "asked 14 times" instead of 14 near-identical lines. Word-overlap (Jaccard) over content words, greedy, most
/// frequent wording first: cheap, explainable, and good enough for a maintainer's inbox.
/// </summary>
public static class QuestionGrouper
{
    public const double SimilarityThreshold = 0.5;
    public const int MaxExamples = 3;

    public static IReadOnlyList<QuestionGroup> Group(IEnumerable<(string Question, DateTimeOffset Time)> questions, int maxGroups)
    {
        // Identical wordings (after normalisation) first, so each distinct wording is compared once.
        var wordings = questions
            .GroupBy(q => Normalize(q.Question), StringComparer.Ordinal)
            .Select(g => new Wording(
                g.GroupBy(q => q.Question, StringComparer.Ordinal).OrderByDescending(v => v.Count()).First().Key,
                g.Count(),
                g.Max(q => q.Time),
                ContentWords(g.Key)))
            .OrderByDescending(w => w.Count)
            .ThenBy(w => w.Text, StringComparer.Ordinal)
            .ToList();

        var groups = new List<List<Wording>>();
        foreach (var wording in wordings)
        {
            var home = groups.FirstOrDefault(group => Similarity(group[0].Words, wording.Words) >= SimilarityThreshold);
            if (home is null)
            {
                groups.Add([wording]);
            }
            else
            {
                home.Add(wording);
            }
        }

        return groups
            .Select(group => new QuestionGroup(
                group[0].Text,
                group.Sum(w => w.Count),
                group.Take(MaxExamples).Select(w => w.Text).ToList(),
                group.Max(w => w.LastAsked)))
            .OrderByDescending(g => g.Count)
            .ThenByDescending(g => g.LastAsked)
            .Take(maxGroups)
            .ToList();
    }

    /// <summary>The index's normal form: two wordings equal here are the same question.</summary>
    public static string Normalize(string text) => TextNormalizer.Normalize(text);

    /// <summary>The content words two questions share ("cost" in "ccsvi cost" and "how much does venoplasty cost").</summary>
    public static IReadOnlyList<string> SharedContentWords(string left, string right)
    {
        var rightWords = ContentWords(Normalize(right));
        return [.. ContentWords(Normalize(left)).Where(rightWords.Contains).Order(StringComparer.Ordinal)];
    }

    private static HashSet<string> ContentWords(string normalized)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!StopWords.Contains(word))
            {
                // A crude plural fold ("veins" ~ "vein") so that grouping does not hinge on grammar.
                words.Add(word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word);
            }
        }

        return words;
    }

    private static double Similarity(HashSet<string> left, HashSet<string> right)
    {
        if (left.Count == 0 || right.Count == 0)
        {
            return left.Count == right.Count ? 1 : 0;
        }

        var shared = left.Count(right.Contains);
        return (double)shared / (left.Count + right.Count - shared);
    }

    private sealed record Wording(string Text, int Count, DateTimeOffset LastAsked, HashSet<string> Words);
}
