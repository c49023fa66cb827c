using System.Globalization;
using System.Text;
using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;

namespace CcsviBot.Core.Rendering;

/// <summary>
/// The channel-neutral Markdown text of a reply: the passage or message, the sources as inline links with publisher
/// and year, the safety note when there is one, and the disclaimer last, in italics. An urgent reply opens with a
/// warning heading and is bold throughout. Sources are shown once, inline: reference definitions (<c>[1]: url</c>) would
/// make Web Chat list them a second time under the message, with truncated titles, below the disclaimer.
/// Suggestions are not part of the text: channels show them as buttons. Never includes the user's words.
/// </summary>
public static class MarkdownReplyRenderer
{
    public const string NoneOfThese = "None of these";
    public const string UrgentHeading = "### \u26a0\ufe0f Please get help now";
    private const string NotePrefix = "**\u26a0\ufe0f ";

    public static string Render(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = new StringBuilder();
        switch (reply.Kind)
        {
            case ReplyKind.Answer when reply.Entry is not null:
                text.Append(reply.Entry.Answer.Trim()).Append("\n\n");
                AppendSources(text, reply.Entry.Sources);
                break;
            case ReplyKind.Clarify:
                text.Append(reply.Message ?? EngineMessages.Clarify).Append("\n\n");
                for (var i = 0; i < reply.Candidates.Count; i++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{i + 1}. {reply.Candidates[i].Question}\n");
                }

                text.Append(CultureInfo.InvariantCulture, $"{reply.Candidates.Count + 1}. {NoneOfThese}\n\n");
                break;
            case ReplyKind.Urgent:
                // Nothing else in the conversation looks like this: a heading and the whole message in bold.
                text.Append(UrgentHeading).Append("\n\n**").Append(OneLine(reply.Message ?? string.Empty).Trim()).Append("**\n\n");
                break;
            default:
                text.Append((reply.Message ?? EngineMessages.NoAnswer).Trim()).Append("\n\n");
                break;
        }

        if (reply.SafetyNote is { } note)
        {
            text.Append(NotePrefix).Append(OneLine(note).Trim()).Append("**\n\n");
        }

        AppendDisclaimer(text, reply.Disclaimer);
        return text.ToString().TrimEnd();
    }

    private static void AppendSources(StringBuilder text, IReadOnlyList<FaqSource> sources)
    {
        if (sources.Count == 0)
        {
            return;
        }

        text.Append(sources.Count == 1 ? "Source: " : "Sources: ");
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            if (i > 0)
            {
                text.Append("; ");
            }

            var title = OneLine(source.Title);
            if (IsWebLink(source.Url))
            {
                text.Append(CultureInfo.InvariantCulture, $"[{EscapeLinkText(title)}]({LinkDestination(source.Url!)})");
            }
            else
            {
                text.Append(title);
            }

            var details = string.Join(", ", new[] { source.Publisher is null ? null : OneLine(source.Publisher), source.Year?.ToString(CultureInfo.InvariantCulture) }.Where(d => !string.IsNullOrWhiteSpace(d)));
            if (details.Length > 0)
            {
                text.Append(" (").Append(details).Append(')');
            }
        }

        text.Append("\n\n");
    }

    private static void AppendDisclaimer(StringBuilder text, string disclaimer)
    {
        var paragraphs = disclaimer.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        text.AppendJoin("\n\n", paragraphs.Select(p => $"_{OneLine(p).Trim('_', '*', ' ')}_"));
    }

    private static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string LinkDestination(string url) => url.Contains(' ', StringComparison.Ordinal) || url.Contains(')', StringComparison.Ordinal) ? $"<{url}>" : url;

    private static string EscapeLinkText(string title) => title.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
