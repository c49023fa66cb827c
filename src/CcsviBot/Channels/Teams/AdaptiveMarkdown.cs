using System.Text;
using System.Text.Json.Nodes;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CcsviBot.Channels.Teams;

/// <summary>
/// Turns an answer passage (CommonMark) into Adaptive Card TextBlocks. TextBlock Markdown is a small subset: bold,
/// italic, lists (items separated by \r), inline links. Headings, quotes, code, images, HTML and reference-style link
/// definitions are not rendered by Teams, so they are rewritten into that subset instead of showing raw syntax.
/// </summary>
public static class AdaptiveMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>One wrapped TextBlock per Markdown block (paragraph, list, heading…), in order.</summary>
    public static IReadOnlyList<JsonObject> ToTextBlocks(string markdown)
    {
        var blocks = new List<JsonObject>();
        AddBlocks(Markdown.Parse(markdown, Pipeline), blocks);
        return blocks;
    }

    /// <summary>The passage as plain text on one line (for previews and notifications).</summary>
    public static string ToPlainText(string markdown) =>
        string.Join(' ', Markdown.ToPlainText(markdown, Pipeline).Split((char[])['\r', '\n', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A Markdown link the card renders, or just the label when the URL is not a safe absolute http(s)/mailto link.</summary>
    public static string Link(string label, string? url) =>
        IsSafeUrl(url) ? $"[{EscapeLabel(label)}]({url})" : label;

    private static bool IsSafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeMailto)
        && !url.Contains(' ') && !url.Contains(')');

    // Square brackets inside a label would end the link early.
    private static string EscapeLabel(string label) => label.Replace('[', '(').Replace(']', ')');

    private static void AddBlocks(ContainerBlock container, List<JsonObject> output)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    output.Add(TextBlock(Inlines(heading.Inline), bold: true));
                    break;
                case ParagraphBlock paragraph:
                    output.Add(TextBlock(Inlines(paragraph.Inline)));
                    break;
                case ListBlock list:
                    output.Add(TextBlock(ListText(list)));
                    break;
                case HtmlBlock html: // markup is not rendered by Adaptive Cards: keep the words only
                    output.Add(TextBlock(StripTags(html.Lines.ToString())));
                    break;
                case CodeBlock code: // fenced or indented
                    var monospace = TextBlock(code.Lines.ToString().TrimEnd());
                    monospace["fontType"] = "Monospace";
                    output.Add(monospace);
                    break;
                case QuoteBlock quote:
                    AddBlocks(quote, output);
                    break;
                case ContainerBlock other: // anything else that holds blocks; link definitions hold none
                    AddBlocks(other, output);
                    break;
            }
        }

        output.RemoveAll(element => string.IsNullOrWhiteSpace(element["text"]?.GetValue<string>()));
    }

    // Teams renders one level of list per TextBlock; nested items are flattened with their own markers.
    private static string ListText(ListBlock list)
    {
        var lines = new List<string>();
        AddListLines(list, lines);
        return string.Join('\r', lines);
    }

    private static void AddListLines(ListBlock list, List<string> lines)
    {
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? $"{number++}. " : "- ";
            var first = true;
            foreach (var child in item)
            {
                if (child is ListBlock nested)
                {
                    AddListLines(nested, lines);
                }
                else if (child is LeafBlock leaf && leaf.Inline is not null)
                {
                    lines.Add((first ? marker : "  ") + Inlines(leaf.Inline));
                    first = false;
                }
            }
        }
    }

    private static string Inlines(ContainerInline? container)
    {
        var text = new StringBuilder();
        AppendInlines(container, text);
        return text.ToString().Trim();
    }

    private static void AppendInlines(ContainerInline? container, StringBuilder text)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline lineBreak:
                    text.Append(lineBreak.IsHard ? "\n\n" : " ");
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case AutolinkInline autolink:
                    text.Append(Link(autolink.Url, autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url));
                    break;
                case LinkInline link:
                    var label = Inlines(link);
                    text.Append(Link(label.Length > 0 ? label : link.Url ?? "", link.Url));
                    break;
                case EmphasisInline emphasis:
                    var inner = Inlines(emphasis);
                    var delimiter = emphasis.DelimiterCount >= 2 ? "**" : "_";
                    text.Append(inner.Length > 0 ? delimiter + inner + delimiter : "");
                    break;
                case HtmlInline:
                    break; // raw HTML is not rendered by Adaptive Cards: drop the tag, keep the text around it
                case ContainerInline nested:
                    AppendInlines(nested, text);
                    break;
            }
        }
    }

    private static string StripTags(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", " ", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)).Trim();

    /// <summary>A wrapped TextBlock; the only shape of text on every card.</summary>
    public static JsonObject TextBlock(string text, bool bold = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (bold)
        {
            block["weight"] = "Bolder";
        }

        return block;
    }
}
