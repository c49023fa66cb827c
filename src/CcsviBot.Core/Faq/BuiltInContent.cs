using System.IO.Compression;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CcsviBot.Core.Faq;

/// <summary>The defaults compiled into Core from the repository's faq/ files (embedded resources, not copies).</summary>
internal static class BuiltInContent
{
    public const string FallbackDisclaimer =
        "This is general information, not medical advice. Please talk to your doctor or neurologist about your own situation.";

    public static string Label(string name) => $"(built-in) {name}";

    public static string? Read(string name)
    {
        using var stream = typeof(BuiltInContent).Assembly.GetManifestResourceStream($"CcsviBot.Core.Defaults.{name}");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
