using System.Text.Json;
using CcsviBot.Channels.Teams;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Configuration;
using CcsviBot.Core.Faq;
using CcsviBot.Core.Rendering;

namespace CcsviBot.Tests.Teams;

/// <summary>Every card the bot can send in Teams goes through the adaptivecards parser that Web Chat and Teams use.</summary>
[Collection(NodeChecksCollection.Name)]
public sealed class CardsCheckTests(NodeChecks node)
{
    [Fact]
    public async Task Every_card_kind_parses_without_errors_or_warnings_at_version_1_5()
    {
        var folder = Directory.CreateTempSubdirectory("ccsvibot-cards-").FullName;
        try
        {
            var written = new List<string>();
            foreach (var (name, reply) in CardSamples.EveryKind())
            {
                foreach (var (variant, context) in new[]
                {
                    ("", new CardContext("fallback")),
                    ("-staff", new CardContext("fallback", StaffDetail: true)),
                    ("-inserted", new CardContext("fallback", Interactive: false)),
                })
                {
                    var file = $"{name}{variant}.json";
                    await File.WriteAllTextAsync(Path.Combine(folder, file), TeamsCards.ForReply(reply, context).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                    written.Add(file);
                }
            }

            var (exitCode, output) = await node.RunAsync("check.js", folder);

            Assert.True(exitCode == 0, output);
            Assert.All(written, file => Assert.Contains($"ok {file}", output, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Every_entry_of_the_real_FAQ_renders_to_a_clean_answer_card()
    {
        var settings = SettingsLocator.FindSettingsDirectory(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository not found");
        var loaded = FaqLoader.Load(Path.Combine(settings, "faq"));
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var content = loaded.Content!;
        var folder = Directory.CreateTempSubdirectory("ccsvi-faq-cards-").FullName;
        try
        {
            foreach (var entry in content.Entries)
            {
                var reply = new Reply { Kind = ReplyKind.Answer, Confidence = 0.9, Entry = entry, Disclaimer = content.Disclaimer };
                var card = TeamsCards.ForReply(reply, new CardContext(MarkdownReplyRenderer.Render(reply), StaffDetail: true));
                // Nothing of the Markdown syntax Teams cannot render may reach the card.
                Assert.DoesNotContain(CardJson.Texts(card), text => text.StartsWith('#') || System.Text.RegularExpressions.Regex.IsMatch(text, "<[A-Za-z/!]"));
                await File.WriteAllTextAsync(Path.Combine(folder, entry.Id + ".json"), card.ToJsonString());
            }

            var (exitCode, output) = await node.RunAsync("check.js", folder);

            Assert.True(exitCode == 0, output);
            Assert.Contains($"{content.Entries.Count} cards clean, 0 with problems", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_check_reports_a_card_above_version_1_5_and_an_unknown_property()
    {
        var folder = Directory.CreateTempSubdirectory("ccsvibot-cards-").FullName;
        try
        {
            var card = TeamsCards.ForReply(CardSamples.Answer(), new CardContext("fallback"));
            card["version"] = "1.6";
            card["body"]![0]!["weigth"] = "Bolder";
            await File.WriteAllTextAsync(Path.Combine(folder, "bad.json"), card.ToJsonString());

            var (exitCode, output) = await node.RunAsync("check.js", folder);

            Assert.Equal(1, exitCode);
            Assert.Contains("version 1.6 is above 1.5", output, StringComparison.Ordinal);
            Assert.Contains("$.body[0].weigth", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
