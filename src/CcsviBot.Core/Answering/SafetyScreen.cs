using CcsviBot.Core.Faq;
using CcsviBot.Core.Text;

namespace CcsviBot.Core.Answering;

/// <summary>The first check on every message, however long: does it signal an emergency or a crisis?</summary>
internal sealed class SafetyScreen(IReadOnlyList<SafetyRule> rules)
{
    private readonly (SafetyRule Rule, string[][] Phrases)[] compiled = rules
        .Select(r => (r, r.Phrases.Select(p => PhraseMatcher.Essential(TextNormalizer.Words(p))).Where(p => p.Length > 0).ToArray()))
        .ToArray();

    /// <summary>The first rule whose phrase occurs in <paramref name="words"/>, or null.</summary>
    public SafetyRule? Match(IReadOnlyList<string> words)
    {
        foreach (var (rule, phrases) in compiled)
        {
            foreach (var phrase in phrases)
            {
                if (PhraseMatcher.Contains(words, phrase))
                {
                    return rule;
                }
            }
        }

        return null;
    }
}
