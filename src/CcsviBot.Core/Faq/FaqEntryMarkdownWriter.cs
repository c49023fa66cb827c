using System.Globalization;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CcsviBot.Core.Faq;

/// <summary>
/// Writes an entry as <c>entries/&lt;id&gt;.md</c>: YAML front matter (id, question, alternates, sources, related, tags,
/// reviewed) and the answer as the Markdown body — the format <see cref="MarkdownEntryReader"/> reads back unchanged.
/// </summary>
public static class FaqEntryMarkdownWriter
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(LowerCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .WithIndentedSequences()
        .DisableAliases()
        .Build();

    public static string FileName(FaqEntry entry) => entry.Id + ".md";

    public static string Write(FaqEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var frontMatter = new FrontMatter
        {
            Id = entry.Id,
            Question = entry.Question,
            Alternates = entry.Alternates.ToList(),
            Sources = entry.Sources.Select(s => new SourceYaml { Title = s.Title, Publisher = s.Publisher, Year = s.Year, Url = s.Url }).ToList(),
            Related = entry.Related.ToList(),
            Tags = entry.Tags.ToList(),
            Subjects = entry.Subjects.ToList(),
            Reviewed = entry.Reviewed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var yaml = Serializer.Serialize(frontMatter).ReplaceLineEndings("\n");
        return $"---\n{yaml}---\n{entry.Answer.Trim().ReplaceLineEndings("\n")}\n";
    }

    // Property order is the front matter's field order.
    private sealed class FrontMatter
    {
        public string? Id { get; init; }
        public string? Question { get; init; }
        public List<string>? Alternates { get; init; }
        public List<SourceYaml>? Sources { get; init; }
        public List<string>? Related { get; init; }
        public List<string>? Tags { get; init; }
        public List<string>? Subjects { get; init; }
        public string? Reviewed { get; init; }
    }

    private sealed class SourceYaml
    {
        public string? Title { get; init; }
        public string? Publisher { get; init; }
        public int? Year { get; init; }
        public string? Url { get; init; }
    }
}
