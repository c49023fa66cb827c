using System.Text.Json.Nodes;
using CcsviBot.Channels.Teams;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Rendering;
using CcsviBot.Turns;

namespace CcsviBot.Tests.Teams;

public sealed class TeamsCardsTests
{
    private static JsonObject Build(Reply reply, bool staff = false, bool interactive = true) =>
        TeamsCards.ForReply(reply, new CardContext("fallback markdown", staff, interactive));

    [Fact]
    public void Answer_card_has_the_question_as_title_then_passage_sources_and_subtle_disclaimer()
    {
        var card = Build(CardSamples.Answer());
        var blocks = CardJson.TextBlocks(card).ToList();

        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal("What is CCSVI?", (string?)blocks[0]["text"]);
        Assert.Equal("Bolder", (string?)blocks[0]["weight"]);
        Assert.Contains(blocks, b => ((string)b["text"]!).Contains("**CCSVI** (chronic cerebrospinal venous insufficiency) is a _disputed_ idea", StringComparison.Ordinal));
        Assert.Contains(blocks, b => ((string)b["text"]!).Contains("[Brave Dreams trial](https://example.org/brave-dreams) — JAMA Neurology, 2018", StringComparison.Ordinal));
        Assert.Contains(blocks, b => (string)b["text"]! == "1. [Brave Dreams trial](https://example.org/brave-dreams) — JAMA Neurology, 2018\r2. Pamphlet without a link");

        var disclaimer = blocks.Single(b => (string)b["text"]! == CardSamples.Disclaimer);
        Assert.Equal("Small", (string?)disclaimer["size"]);
        Assert.True((bool?)disclaimer["isSubtle"]);
        Assert.Equal("fallback markdown", (string?)card["fallbackText"]);
    }

    [Fact]
    public void Answer_card_offers_at_most_three_related_questions_that_submit_their_entry_id()
    {
        var reply = CardSamples.Answer();
        var followUps = CardJson.Submits(Build(reply)).Where(a => a["data"]?["feedback"] is null).ToList();

        Assert.Equal(reply.Suggestions.Take(3).Select(e => e.Id), followUps.Select(a => (string?)a["data"]!["entryId"]));
        Assert.All(followUps, a => Assert.Single(((JsonObject)a["data"]!)));
    }

    [Fact]
    public void Answer_card_feedback_buttons_name_the_entry_and_staff_get_report_outdated()
    {
        string Verdicts(JsonObject card) => string.Join(",", CardJson.Submits(card)
            .Where(a => a["data"]?["feedback"] is not null)
            .Select(a => $"{a["data"]!["feedback"]}:{a["data"]!["entryId"]}"));

        Assert.Equal("helpful:what-is-ccsvi,not-helpful:what-is-ccsvi", Verdicts(Build(CardSamples.Answer())));
        Assert.Equal("helpful:what-is-ccsvi,not-helpful:what-is-ccsvi,outdated:what-is-ccsvi", Verdicts(Build(CardSamples.Answer(), staff: true)));
    }

    [Fact]
    public void Staff_detail_shows_entry_id_confidence_and_review_date_only_for_staff()
    {
        var facts = CardJson.Elements(Build(CardSamples.Answer(), staff: true)).Single(e => (string?)e["type"] == "FactSet")["facts"]!.AsArray()
            .ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);

        Assert.Equal("what-is-ccsvi", facts["Entry"]);
        Assert.Equal("82%", facts["Confidence"].Replace(" ", ""));
        Assert.Equal("2025-03-01", facts["Reviewed"]);
        Assert.DoesNotContain(CardJson.Elements(Build(CardSamples.Answer())), e => (string?)e["type"] == "FactSet");
    }

    [Fact]
    public void Inserted_answer_card_has_no_buttons_and_no_staff_detail_but_keeps_sources_and_disclaimer()
    {
        var card = Build(CardSamples.Answer(), staff: false, interactive: false);

        Assert.Empty(CardJson.Submits(card));
        Assert.Contains(CardJson.Texts(card), t => t.Contains("https://example.org/brave-dreams", StringComparison.Ordinal));
        Assert.Contains(CardSamples.Disclaimer, CardJson.Texts(card));
    }

    [Theory]
    [InlineData("clarify")]
    [InlineData("none")]
    [InlineData("welcome")]
    [InlineData("urgent")]
    public void Every_other_kind_shows_its_message_its_choices_and_the_disclaimer(string kind)
    {
        var reply = CardSamples.EveryKind().Single(k => k.Name == kind).Reply;
        var card = Build(reply);
        var choices = reply.Kind == ReplyKind.Clarify ? reply.Candidates : reply.Suggestions;

        Assert.Contains(reply.Message!, CardJson.Texts(card));
        Assert.Contains(CardSamples.Disclaimer, CardJson.Texts(card));
        Assert.Equal(choices.Select(c => c.Id), CardJson.Submits(card).Where(a => a["data"]?["entryId"] is not null).Select(a => (string?)a["data"]!["entryId"]));
    }

    [Fact]
    public void Clarify_card_also_offers_none_of_these_and_falls_back_to_the_engines_wording()
    {
        var card = Build(CardSamples.Clarify() with { Message = null });

        Assert.Contains(EngineMessages.Clarify, CardJson.Texts(card));
        var last = CardJson.Submits(card).Last();
        Assert.Equal(MarkdownReplyRenderer.NoneOfThese, (string?)last["title"]);
        Assert.Equal(ActionValues.NoneOfThese().ToJsonString(), last["data"]!.ToJsonString());
    }

    [Fact]
    public void Urgent_card_puts_the_message_in_an_attention_container()
    {
        var container = CardJson.Elements(Build(CardSamples.Urgent())).First();

        Assert.Equal("attention", (string?)container["style"]);
        Assert.Equal(CardSamples.Urgent().Message, (string?)container["items"]![0]!["text"]);
    }

    [Fact]
    public void A_safety_note_stands_in_an_attention_container_before_the_disclaimer()
    {
        const string Note = "If this is happening to you now, call your local emergency number.";
        var elements = CardJson.Elements(Build(CardSamples.Answer() with { SafetyNote = Note })).ToList();

        var noteIndex = elements.FindIndex(e => (string?)e["style"] == "attention");
        Assert.True(noteIndex >= 0, "no attention container");
        Assert.Equal(Note, (string?)elements[noteIndex]["items"]![0]!["text"]);
        var disclaimerIndex = elements.FindIndex(e => ((string?)e["text"])?.Contains(CardSamples.Answer().Disclaimer[..20], StringComparison.Ordinal) == true);
        Assert.True(noteIndex < disclaimerIndex, $"note at {noteIndex}, disclaimer at {disclaimerIndex}");
    }
}
