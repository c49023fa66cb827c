using System.Globalization;
using System.Text.Json.Nodes;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;
using CcsviBot.Insights;
using CcsviBot.Core.Rendering;
using CcsviBot.Turns;

namespace CcsviBot.Channels.Teams;

/// <summary>
/// Builds the Adaptive Cards (version 1.5, the highest Teams renders) for every reply the bot sends in Teams:
/// answer, clarify, none, urgent and small talk (welcome, help). Pure functions: a reply in, card JSON out.
/// Every card ends with the disclaimer in small subtle text; an answer card always lists its sources.
/// Buttons are <c>Action.Submit</c> with <see cref="ActionValues"/> data, which Teams and Web Chat deliver as the
/// message <c>value</c> (with empty text), so a clicked question answers that exact entry.
/// </summary>
public static class TeamsCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    public static JsonObject ForReply(Reply reply, CardContext context) => reply.Kind switch
    {
        ReplyKind.Answer when reply.Entry is not null => Answer(reply, reply.Entry, context),
        ReplyKind.Urgent => Urgent(reply, context),
        ReplyKind.Clarify => Choices(reply with { Message = reply.Message ?? EngineMessages.Clarify }, reply.Candidates, "", context, offerNoneOfThese: true),
        ReplyKind.SmallTalk => Choices(reply, reply.Suggestions, "You could ask, for example:", context),
        _ => Choices(reply with { Message = reply.Message ?? EngineMessages.NoAnswer }, reply.Suggestions, "You could try one of these instead:", context),
    };

    /// <summary>The attachment that carries a card in an activity or a messaging-extension result.</summary>
    public static JsonObject Attachment(JsonObject card) => new() { ["contentType"] = ContentType, ["content"] = card };

    private static JsonObject Answer(Reply reply, FaqEntry entry, CardContext context)
    {
        var body = new JsonArray { Title(entry.Question) };
        foreach (var block in AdaptiveMarkdown.ToTextBlocks(entry.Answer))
        {
            body.Add(block);
        }

        body.Add(Spaced(AdaptiveMarkdown.TextBlock(entry.Sources.Count == 1 ? "Source" : "Sources", bold: true)));
        body.Add(AdaptiveMarkdown.TextBlock(SourceList(entry.Sources)));

        if (context.StaffDetail)
        {
            body.Add(StaffFacts(entry, reply.Confidence));
        }

        if (context.Interactive)
        {
            AddFollowUps(body, "Related questions", reply.Suggestions);
        }

        AddSafetyNote(body, reply.SafetyNote);
        AddDisclaimer(body, reply.Disclaimer);

        if (!context.Interactive)
        {
            return Card(body, actions: null, context.FallbackText);
        }

        var actions = new JsonArray
        {
            Submit("Helpful", ActionValues.Feedback(FeedbackKind.Helpful, entry.Id)),
            Submit("Not helpful", ActionValues.Feedback(FeedbackKind.NotHelpful, entry.Id)),
        };
        if (context.StaffDetail)
        {
            actions.Add(Submit("Report outdated", ActionValues.Feedback(FeedbackKind.Outdated, entry.Id)));
        }

        return Card(body, actions, context.FallbackText);
    }

    private static JsonObject Urgent(Reply reply, CardContext context)
    {
        var items = new JsonArray();
        foreach (var block in AdaptiveMarkdown.ToTextBlocks(reply.Message ?? ""))
        {
            block["weight"] = "Bolder";
            items.Add(block);
        }

        var body = new JsonArray
        {
            // The attention style makes the emergency text stand out from an ordinary answer.
            new JsonObject { ["type"] = "Container", ["style"] = "attention", ["items"] = items },
        };
        AddDisclaimer(body, reply.Disclaimer);
        return Card(body, actions: null, context.FallbackText);
    }

    private static JsonObject Choices(Reply reply, IReadOnlyList<FaqEntry> choices, string prompt, CardContext context, bool offerNoneOfThese = false)
    {
        var body = new JsonArray();
        foreach (var block in AdaptiveMarkdown.ToTextBlocks(reply.Message ?? ""))
        {
            body.Add(block);
        }

        AddFollowUps(body, prompt, choices);
        if (offerNoneOfThese && choices.Count > 0)
        {
            body.Add(FollowUpRow(MarkdownReplyRenderer.NoneOfThese, ActionValues.NoneOfThese()));
        }

        AddSafetyNote(body, reply.SafetyNote);
        AddDisclaimer(body, reply.Disclaimer);
        return Card(body, actions: null, context.FallbackText);
    }

    private static JsonObject Card(JsonArray body, JsonArray? actions, string fallbackText)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["fallbackText"] = fallbackText,
            ["body"] = body,
        };
        if (actions is { Count: > 0 })
        {
            card["actions"] = actions;
        }

        return card;
    }

    private static JsonObject Title(string question)
    {
        var title = AdaptiveMarkdown.TextBlock(question, bold: true);
        title["size"] = "Medium";
        return title;
    }

    private static string SourceList(IReadOnlyList<FaqSource> sources)
    {
        if (sources.Count == 0)
        {
            return "No published source is recorded for this entry.";
        }

        var lines = sources.Select((source, index) =>
        {
            var details = string.Join(", ", new[] { source.Publisher, source.Year?.ToString(CultureInfo.InvariantCulture) }.Where(d => !string.IsNullOrWhiteSpace(d)));
            var link = AdaptiveMarkdown.Link(source.Title, source.Url);
            return $"{index + 1}. {link}{(details.Length > 0 ? " — " + details : "")}";
        });
        return string.Join('\r', lines);
    }

    private static JsonObject StaffFacts(FaqEntry entry, double confidence)
    {
        JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
        var facts = new JsonArray
        {
            Fact("Entry", entry.Id),
            Fact("Confidence", confidence.ToString("P0", CultureInfo.InvariantCulture)),
            Fact("Reviewed", entry.Reviewed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never"),
        };
        return new JsonObject
        {
            ["type"] = "Container",
            ["style"] = "emphasis",
            ["spacing"] = "Medium",
            ["items"] = new JsonArray
            {
                Subtle(AdaptiveMarkdown.TextBlock("Support staff detail")),
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
            },
        };
    }

    private static void AddFollowUps(JsonArray body, string heading, IReadOnlyList<FaqEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        if (heading.Length > 0)
        {
            body.Add(Spaced(AdaptiveMarkdown.TextBlock(heading, bold: true)));
        }

        foreach (var entry in entries.Take(MarkdownActivityRenderer.MaxRelatedQuestions))
        {
            body.Add(FollowUpRow(entry.Question, ActionValues.PickEntry(entry.Id)));
        }
    }

    // A full-width clickable row rather than a button: question titles are long and Teams truncates button labels.
    private static JsonObject FollowUpRow(string title, JsonObject value)
    {
        var text = AdaptiveMarkdown.TextBlock("› " + title);
        text["color"] = "Accent";
        return new JsonObject
        {
            ["type"] = "Container",
            ["spacing"] = "Small",
            ["items"] = new JsonArray { text },
            ["selectAction"] = Submit(title, value),
        };
    }

    private static JsonObject Submit(string title, JsonObject data) =>
        new() { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };

    // Small subtle text under a separator: present on every card, never competing with the answer.
    /// <summary>The safety note, in the same attention style as the urgent card, so it is not read as part of the answer.</summary>
    private static void AddSafetyNote(JsonArray body, string? note)
    {
        if (note is null)
        {
            return;
        }

        var items = new JsonArray();
        foreach (var block in AdaptiveMarkdown.ToTextBlocks(note))
        {
            block["weight"] = "Bolder";
            items.Add(block);
        }

        body.Add(new JsonObject { ["type"] = "Container", ["style"] = "attention", ["spacing"] = "Medium", ["items"] = items });
    }

    private static void AddDisclaimer(JsonArray body, string disclaimer)
    {
        var first = true;
        foreach (var block in AdaptiveMarkdown.ToTextBlocks(disclaimer))
        {
            Subtle(block);
            if (first)
            {
                block["separator"] = true;
                block["spacing"] = "Medium";
                first = false;
            }

            body.Add(block);
        }
    }

    private static JsonObject Subtle(JsonObject block)
    {
        block["size"] = "Small";
        block["isSubtle"] = true;
        return block;
    }

    private static JsonObject Spaced(JsonObject block)
    {
        block["spacing"] = "Medium";
        return block;
    }
}
