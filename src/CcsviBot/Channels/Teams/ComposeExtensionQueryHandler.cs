using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;
using CcsviBot.Protocol;
using CcsviBot.Turns;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.Teams;

/// <summary>
/// Answers the FAQ search messaging extension (<c>composeExtension/query</c>) in the HTTP response, as Teams requires
/// (within 5 seconds; the Connector REST API is not used). Each result is a ready answer card (passage, sources,
/// disclaimer) with a thumbnail preview. Everything is in-memory work on the current knowledge base snapshot.
/// </summary>
public sealed partial class ComposeExtensionQueryHandler(
    IKnowledgeBaseProvider knowledgeBases,
    TeamsReplyRenderer cards,
    IOptions<AnsweringOptions> answering,
    ILogger<ComposeExtensionQueryHandler> logger) : IInvokeHandler
{
    private const int PreviewLength = 120;

    // "Most useful" is computed once per published snapshot: entries are immutable within one.
    private readonly ConditionalWeakTable<KnowledgeBase, IReadOnlyList<FaqEntry>> mostUsefulBySnapshot = new();

    public string Name => ComposeExtensionQuery.InvokeName;

    public Task<InvokeResponse> HandleAsync(Activity invoke, CancellationToken cancellationToken) => Task.FromResult(Handle(invoke.Value));

    public InvokeResponse Handle(JsonNode? value)
    {
        var query = ComposeExtensionQuery.TryParse(value, out var error);
        if (query is null)
        {
            LogMalformed(error);
            return new InvokeResponse(StatusCodes.Status400BadRequest, ErrorBody(error));
        }

        var knowledgeBase = knowledgeBases.Current;
        IReadOnlyList<FaqEntry> page;
        if (query.ListsMostUseful)
        {
            page = mostUsefulBySnapshot.GetValue(knowledgeBase, MostUseful).Skip(query.Skip).Take(query.Count).ToList();
        }
        else
        {
            page = knowledgeBase.Engine.Search(query.Text, query.Skip + query.Count).Skip(query.Skip).Select(hit => hit.Entry).ToList();
            if (page.Count == 0 && query.Skip == 0)
            {
                return Result([NoMatch()]);
            }
        }

        var attachments = new List<JsonObject>();
        foreach (var entry in page)
        {
            // Resolved through the engine so the card carries exactly what the bot would answer (disclaimer included).
            if (knowledgeBase.Engine.AnswerEntry(entry.Id) is { Entry: not null } reply)
            {
                var attachment = TeamsCards.Attachment(cards.ForInsertedAnswer(reply));
                attachment["preview"] = Thumbnail(entry.Question, FirstLine(entry.Answer));
                attachments.Add(attachment);
            }
        }

        return Result(attachments);
    }

    /// <summary>
    /// The maintainers' starter questions (Answering:StarterQuestions) first, then the entries other entries point to
    /// most often as related (the hubs of the FAQ), then the most recently reviewed, then the FAQ's own order.
    /// </summary>
    private IReadOnlyList<FaqEntry> MostUseful(KnowledgeBase knowledgeBase)
    {
        var entries = knowledgeBase.Content.Entries;
        var starters = answering.Value.StarterQuestions;
        var pointedTo = entries.SelectMany(e => e.Related.Distinct(StringComparer.Ordinal))
            .GroupBy(id => id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return entries
            .Select((entry, order) => (entry, order))
            .OrderBy(e => starters.IndexOf(e.entry.Id) is var starter and >= 0 ? starter : int.MaxValue)
            .ThenByDescending(e => pointedTo.GetValueOrDefault(e.entry.Id))
            .ThenByDescending(e => e.entry.Reviewed ?? DateOnly.MinValue)
            .ThenBy(e => e.order)
            .Select(e => e.entry)
            .ToList();
    }

    private static InvokeResponse Result(IEnumerable<JsonObject> attachments) =>
        new(StatusCodes.Status200OK, new JsonObject
        {
            ["composeExtension"] = new JsonObject
            {
                ["type"] = "result",
                ["attachmentLayout"] = "list",
                ["attachments"] = new JsonArray([.. attachments]),
            },
        });

    // A result that says so, not an error: Teams shows it in the result list where the answers would be. The query is
    // not repeated in the card: user text is never echoed back as markup, and the card could be inserted into a chat.
    private static JsonObject NoMatch()
    {
        var content = new JsonObject
        {
            ["title"] = "No FAQ entry matches",
            ["text"] = "Nothing in the CCSVI FAQ matches these words. Try other words, or clear the box to see the most useful entries.",
        };
        return new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.thumbnail",
            ["content"] = content,
            ["preview"] = new JsonObject { ["contentType"] = "application/vnd.microsoft.card.thumbnail", ["content"] = content.DeepClone() },
        };
    }

    private static JsonObject Thumbnail(string title, string text) => new()
    {
        ["contentType"] = "application/vnd.microsoft.card.thumbnail",
        ["content"] = new JsonObject { ["title"] = title, ["text"] = text },
    };

    private static string FirstLine(string markdown)
    {
        var plain = AdaptiveMarkdown.ToPlainText(markdown);
        if (plain.Length <= PreviewLength)
        {
            return plain;
        }

        var cut = plain.LastIndexOf(' ', PreviewLength);
        return plain[..(cut > PreviewLength / 2 ? cut : PreviewLength)] + "…";
    }

    private static JsonObject ErrorBody(string message) =>
        new() { ["error"] = new JsonObject { ["code"] = "BadRequest", ["message"] = message } };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed composeExtension/query value, answered 400: {Reason}")]
    private partial void LogMalformed(string reason);
}
