using System.ComponentModel.DataAnnotations;

namespace CcsviBot;

/// <summary>Where the FAQ content lives (section <c>Faq</c>).</summary>
public sealed class FaqOptions
{
    public const string SectionName = "Faq";

    /// <summary>A folder like <c>faq/</c> or a <c>.jsonl[.gz]</c> file; relative paths resolve against the folder of appsettings.json.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "faq";
}
