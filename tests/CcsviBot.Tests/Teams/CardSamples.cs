using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;

namespace CcsviBot.Tests.Teams;

/// <summary>Replies of every kind the bot can send, shaped like the answer engine's, to build cards from.</summary>
internal static class CardSamples
{
    public const string Disclaimer = "This is general information, not medical advice. Talk to your own doctor about your care.";

    public static FaqEntry Entry(string id, string question, string? answer = null, DateOnly? reviewed = null) => new()
    {
        Id = id,
        Question = question,
        Answer = answer ?? $"Answer passage for {question}",
        Sources = [new FaqSource("Venous angioplasty for MS: the Brave Dreams trial", "JAMA Neurology", 2018, "https://example.org/brave-dreams")],
        Reviewed = reviewed,
    };

    public static readonly FaqEntry WhatIsCcsvi = Entry(
        "what-is-ccsvi",
        "What is CCSVI?",
        """
        **CCSVI** (chronic cerebrospinal venous insufficiency) is a _disputed_ idea that narrowed veins cause MS.
        See the [review][r] for details.

        - Proposed in 2009
        - Not confirmed by later studies

        [r]: https://example.org/review "Review"
        """,
        new DateOnly(2025, 3, 1)) with
    {
        Sources =
        [
            new FaqSource("Brave Dreams trial", "JAMA Neurology", 2018, "https://example.org/brave-dreams"),
            new FaqSource("Pamphlet without a link", null, null, null),
        ],
    };

    public static readonly IReadOnlyList<FaqEntry> Related =
    [
        Entry("liberation-procedure", "What is the liberation procedure?"),
        Entry("ccsvi-ms-cause", "Does CCSVI cause MS?"),
        Entry("ccsvi-tests", "How is CCSVI diagnosed?"),
        Entry("ccsvi-cost", "What does treatment cost?"),
    ];

    public static Reply Answer() => new()
    {
        Kind = ReplyKind.Answer,
        Confidence = 0.82,
        Entry = WhatIsCcsvi,
        Suggestions = Related,
        Disclaimer = Disclaimer,
    };

    public static Reply Clarify() => new()
    {
        Kind = ReplyKind.Clarify,
        Confidence = 0.4,
        Candidates = Related.Take(3).ToList(),
        Message = "I found a few entries that might fit.",
        Disclaimer = Disclaimer,
    };

    public static Reply None() => new()
    {
        Kind = ReplyKind.None,
        Message = "I don't have a good answer to that. I only know about CCSVI.",
        Suggestions = Related.Take(2).ToList(),
        Disclaimer = Disclaimer,
    };

    public static Reply Urgent() => new()
    {
        Kind = ReplyKind.Urgent,
        Message = "If you or someone else is in danger, call your local emergency number now (112 in Europe, 911 in the US).",
        Disclaimer = Disclaimer,
    };

    public static Reply Welcome() => new()
    {
        Kind = ReplyKind.SmallTalk,
        Message = "Hello! I answer questions about CCSVI, with sources. Ask me anything, or pick a question below.",
        Suggestions = Related.Take(3).ToList(),
        Disclaimer = Disclaimer,
    };

    public static IEnumerable<(string Name, Reply Reply)> EveryKind() =>
    [
        ("answer", Answer()),
        ("clarify", Clarify()),
        ("none", None()),
        ("urgent", Urgent()),
        ("welcome", Welcome()),
    ];
}
