using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;

namespace CcsviBot.Insights;

/// <summary>Turns recorded turns and feedback, plus the current FAQ, into the maintainers' report.</summary>
public static class InsightsReportBuilder
{
    public const int MaxGroups = 50;
    public const int MaxWorstHelpful = 20;

    public static InsightsReport Build(InsightsData data, FaqContent? content, DateTimeOffset since, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(data);
        var turns = data.Turns.Where(t => t.Time >= since).ToList();
        var feedback = data.Feedback.Where(f => f.Time >= since).ToList();
        var entries = content?.Entries ?? [];
        var byId = entries.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        string QuestionOf(string id) => byId.TryGetValue(id, out var entry) ? entry.Question : "(no longer in the FAQ)";

        var totals = new ReportTotals(
            turns.Count,
            turns.Count(t => t.Kind == ReplyKind.Answer),
            turns.Count(t => t.Kind == ReplyKind.Clarify),
            turns.Count(t => t.Kind == ReplyKind.None),
            turns.Count(t => t.Kind == ReplyKind.Urgent),
            turns.Count(t => t.Kind == ReplyKind.SmallTalk),
            feedback.Count(f => f.Kind == FeedbackKind.Helpful),
            feedback.Count(f => f.Kind == FeedbackKind.NotHelpful),
            feedback.Count(f => f.Kind == FeedbackKind.Outdated));

        var unanswered = QuestionGrouper.Group(turns.Where(t => t.Kind == ReplyKind.None).Select(t => (t.Question, t.Time)), MaxGroups);
        var clarified = QuestionGrouper.Group(turns.Where(t => t.Kind == ReplyKind.Clarify).Select(t => (t.Question, t.Time)), MaxGroups);

        var worstHelpful = feedback
            .Where(f => f.Kind is FeedbackKind.Helpful or FeedbackKind.NotHelpful)
            .GroupBy(f => f.EntryId, StringComparer.Ordinal)
            .Select(g =>
            {
                var helpful = g.Count(f => f.Kind == FeedbackKind.Helpful);
                var notHelpful = g.Count() - helpful;
                return new EntryFeedback(g.Key, QuestionOf(g.Key), helpful, notHelpful, (double)helpful / g.Count());
            })
            .Where(e => e.NotHelpful > 0)
            .OrderBy(e => e.HelpfulRatio)
            .ThenByDescending(e => e.NotHelpful)
            .ThenBy(e => e.EntryId, StringComparer.Ordinal)
            .Take(MaxWorstHelpful)
            .ToList();

        var outdated = feedback
            .Where(f => f.Kind == FeedbackKind.Outdated)
            .GroupBy(f => f.EntryId, StringComparer.Ordinal)
            .Select(g => new OutdatedFlag(g.Key, QuestionOf(g.Key), g.Count(), g.Max(f => f.Time)))
            .OrderByDescending(f => f.Count)
            .ThenBy(f => f.EntryId, StringComparer.Ordinal)
            .ToList();

        var matched = turns.Where(t => t.Kind == ReplyKind.Answer && t.EntryId is not null).Select(t => t.EntryId!).ToHashSet(StringComparer.Ordinal);
        var neverMatched = entries
            .Where(e => !matched.Contains(e.Id))
            .Select(e => new EntrySummary(e.Id, e.Question))
            .OrderBy(e => e.EntryId, StringComparer.Ordinal)
            .ToList();

        var reviewCutoff = DateOnly.FromDateTime(now.UtcDateTime).AddMonths(-FaqChecker.ReviewMonths);
        var reviewOverdue = entries
            .Where(e => e.Reviewed is null || e.Reviewed < reviewCutoff)
            .OrderBy(e => e.Reviewed ?? DateOnly.MinValue)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => new ReviewDue(e.Id, e.Question, e.Reviewed))
            .ToList();

        return new InsightsReport(now, since, totals, unanswered, clarified, worstHelpful, outdated, neverMatched, reviewOverdue,
            SuggestAlternates(turns, byId));
    }

    /// <summary>
    /// An earlier question that led, through a clarification or a rephrasing, to an answer from an entry is evidence
    /// that the entry should also match that wording (the recorder links only clear follow-ups). Wordings the entry
    /// already knows are left out. The reason names the evidence, so maintainers can judge each suggestion.
    /// </summary>
    private static List<SuggestedAlternate> SuggestAlternates(List<StoredTurn> turns, Dictionary<string, FaqEntry> byId)
    {
        var suggestions = new List<SuggestedAlternate>();
        var evidence = turns
            .Where(t => t.Kind == ReplyKind.Answer && t.EntryId is not null && t.EarlierQuestion is not null && byId.ContainsKey(t.EntryId))
            .GroupBy(t => (Entry: t.EntryId!, Question: QuestionGrouper.Normalize(t.EarlierQuestion!)));
        foreach (var group in evidence)
        {
            var entry = byId[group.Key.Entry];
            var known = entry.Alternates.Append(entry.Question).Select(QuestionGrouper.Normalize).ToHashSet(StringComparer.Ordinal);
            if (group.Key.Question.Length == 0 || known.Contains(group.Key.Question))
            {
                continue;
            }

            var wording = group.GroupBy(t => t.EarlierQuestion!, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().Key;
            var reasons = new List<string>();
            var afterClarify = group.Count(t => t.EarlierKind == ReplyKind.Clarify);
            if (afterClarify > 0)
            {
                reasons.Add($"{Times(afterClarify)} the bot asked \"Did you mean…\" and the visitor picked this entry from its choices");
            }

            foreach (var rephrasing in group.Where(t => t.EarlierKind != ReplyKind.Clarify).GroupBy(t => t.Question, StringComparer.Ordinal))
            {
                var shared = QuestionGrouper.SharedContentWords(wording, rephrasing.Key);
                var saying = shared.Count == 0 ? "" : $" (also saying {string.Join(", ", shared.Select(word => $"\"{word}\""))})";
                reasons.Add($"{Times(rephrasing.Count())} no answer, then the visitor's next message \"{rephrasing.Key}\"{saying} matched this entry");
            }

            suggestions.Add(new SuggestedAlternate(entry.Id, entry.Question, wording, group.Count(), string.Join("; ", reasons)));
        }

        return suggestions
            .OrderByDescending(s => s.Count)
            .ThenBy(s => s.EntryId, StringComparer.Ordinal)
            .ThenBy(s => s.Question, StringComparer.Ordinal)
            .ToList();
    }

    private static string Times(int count) => count == 1 ? "once" : $"{count} times";
}
