using System.Text.Json.Nodes;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;
using CcsviBot.Insights;
using CcsviBot.Core.Rendering;
using CcsviBot.Protocol;

namespace CcsviBot.Turns;

/// <summary>
/// The default rendering: Markdown text from <see cref="MarkdownReplyRenderer"/> (passage, numbered reference links that
/// Web Chat shows as citations, disclaimer), the matching schema.org citation entity, and buttons as suggested actions.
/// </summary>
public sealed class MarkdownActivityRenderer : IReplyRenderer
{
    public const int MaxRelatedQuestions = 3;

    public bool AppliesTo(string? channelId) => true;

    public void Render(Reply reply, Activity outgoing)
    {
        outgoing.Text = MarkdownReplyRenderer.Render(reply);
        outgoing.TextFormat = "markdown";

        if (reply.Kind == ReplyKind.Answer && reply.Entry is { } entry && CitationEntity.Create(entry.Sources) is { } citation)
        {
            outgoing.Entities = [citation];
        }

        var actions = SuggestedActionsFor(reply);
        outgoing.SuggestedActions = actions.Count == 0 ? null : new SuggestedActions { Actions = actions };
    }

    /// <summary>
    /// Answer: related questions (imBack, so any channel can send them) then the two feedback buttons.
    /// Clarify: each candidate by id (messageBack, so the exact entry is answered) then "None of these".
    /// Small talk / none: starter questions. Urgent: nothing that could distract from the safety message.
    /// </summary>
    public static List<CardAction> SuggestedActionsFor(Reply reply) => reply.Kind switch
    {
        ReplyKind.Answer when reply.Entry is { } entry =>
        [
            .. reply.Suggestions.Take(MaxRelatedQuestions).Select(AskAgain),
            Feedback("Helpful", FeedbackKind.Helpful, entry.Id),
            Feedback("Not helpful", FeedbackKind.NotHelpful, entry.Id),
        ],
        ReplyKind.Clarify =>
        [
            .. reply.Candidates.Select(PickCandidate),
            new CardAction { Type = "messageBack", Title = "None of these", DisplayText = "None of these", Value = ActionValues.NoneOfThese() },
        ],
        ReplyKind.SmallTalk or ReplyKind.None => [.. reply.Suggestions.Take(MaxRelatedQuestions).Select(AskAgain)],
        _ => [],
    };

    private static CardAction AskAgain(FaqEntry entry) =>
        new() { Type = "imBack", Title = entry.Question, Value = entry.Question };

    private static CardAction PickCandidate(FaqEntry entry) => new()
    {
        Type = "messageBack",
        Title = entry.Question,
        Text = entry.Question,
        DisplayText = entry.Question,
        Value = ActionValues.PickEntry(entry.Id),
    };

    private static CardAction Feedback(string title, FeedbackKind kind, string entryId) =>
        new() { Type = "messageBack", Title = title, DisplayText = title, Value = ActionValues.Feedback(kind, entryId) };
}

/// <summary>
/// The schema.org <c>Message</c> entity whose <c>Claim</c>s Web Chat (4.16+) and Teams match to the reference links
/// <c>[n]: url "title"</c> in the text, by position. Only sources with an http(s) URL get a link and so a number,
/// as in <see cref="MarkdownReplyRenderer"/>.
/// </summary>
public static class CitationEntity
{
    private const int MaxAbstractLength = 160;

    public static JsonObject? Create(IReadOnlyList<FaqSource> sources)
    {
        var claims = new JsonArray();
        foreach (var (source, position) in CitedSources(sources))
        {
            var appearance = new JsonObject
            {
                ["@type"] = "DigitalDocument",
                ["name"] = source.Title,
                ["url"] = source.Url,
            };
            if (Abstract(source) is { } summary)
            {
                appearance["abstract"] = summary;
            }

            claims.Add(new JsonObject { ["@type"] = "Claim", ["position"] = position, ["appearance"] = appearance });
        }

        return claims.Count == 0 ? null : new JsonObject
        {
            ["type"] = "https://schema.org/Message",
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = string.Empty,
            ["citation"] = claims,
        };
    }

    /// <summary>The sources that get a reference number, with that number (1-based, in the entry's order).</summary>
    public static IEnumerable<(FaqSource Source, int Position)> CitedSources(IReadOnlyList<FaqSource> sources) =>
        sources.Where(source => IsWebLink(source.Url)).Select((source, index) => (source, index + 1));

    private static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string? Abstract(FaqSource source)
    {
        var parts = new[] { source.Publisher, source.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Where(part => !string.IsNullOrWhiteSpace(part));
        var text = string.Join(", ", parts);
        return text.Length == 0 ? null : text.Length <= MaxAbstractLength ? text : text[..MaxAbstractLength];
    }
}
