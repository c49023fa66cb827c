using CcsviBot.Channels.Teams;

namespace CcsviBot.Tests.Teams;

public sealed class AdaptiveMarkdownTests
{
    private static List<string> Texts(string markdown) =>
        AdaptiveMarkdown.ToTextBlocks(markdown).Select(b => (string)b["text"]!).ToList();

    [Fact]
    public void Paragraphs_become_separate_blocks_with_bold_italic_and_inline_links_kept()
    {
        Assert.Equal(
            ["One **bold** and _italic_ [link](https://example.org/a).", "Second paragraph."],
            Texts("One __bold__ and *italic*\n[link](https://example.org/a).\n\nSecond paragraph."));
    }

    [Fact]
    public void Lists_are_one_block_with_items_separated_by_carriage_returns_and_nested_items_flattened()
    {
        Assert.Equal(["- one\r- two\r- nested"], Texts("- one\n- two\n  - nested"));
        Assert.Equal(["3. three\r4. four"], Texts("3. three\n4. four"));
    }

    [Fact]
    public void Reference_links_are_resolved_to_inline_links_and_their_definitions_disappear()
    {
        Assert.Equal(["See the [review](https://example.org/r)."], Texts("See the [review][r].\n\n[r]: https://example.org/r \"Review\""));
    }

    [Fact]
    public void Unsupported_markdown_is_rewritten_not_shown_raw()
    {
        var blocks = AdaptiveMarkdown.ToTextBlocks("# Heading\n\n> quoted\n\n<div>html <b>words</b></div>\n\n![alt text](https://example.org/i.png) and `code`");

        Assert.Equal(["Heading", "quoted", "html  words", "[alt text](https://example.org/i.png) and code"], blocks.Select(b => (string)b["text"]!));
        Assert.Equal("Bolder", (string?)blocks[0]["weight"]);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("relative/page")]
    [InlineData("file:///etc/passwd")]
    public void Links_to_anything_but_web_or_mail_addresses_keep_only_their_label(string url)
    {
        Assert.Equal(["click here"], Texts($"[click here]({url})"));
    }
}
