using System.Globalization;
using System.IO.Compression;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CcsviBot.Core.Faq;

/// <summary>Small helpers over YamlDotNet's representation model, which keeps every node's line.</summary>
internal static class Yaml
{
    public static (YamlMappingNode? Root, (int Line, string Message)? Error) ParseMapping(string text, int lineOffset)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                return (null, (lineOffset + 1, "expected a YAML mapping (key: value lines)"));
            }

            return (root, null);
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            return (null, (lineOffset + (int)Math.Max(1, ex.Start.Line), $"YAML: {message}"));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some unterminated flow collections; it has no position then.
            return (null, (lineOffset + 1, "YAML: malformed (check for an unclosed [ or { or quote)"));
        }
    }

    public static int LineOf(YamlNode node) => (int)Math.Max(1, node.Start.Line);

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Scalar(YamlMappingNode map, string key) => Child(map, key) is YamlScalarNode scalar ? scalar.Value : null;

    public static List<(string Value, int Line)> ScalarList(YamlMappingNode map, string key) =>
        Child(map, key) switch
        {
            YamlSequenceNode sequence => sequence.OfType<YamlScalarNode>().Select(s => (s.Value ?? "", LineOf(s))).ToList(),
            YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value) => [(scalar.Value!, LineOf(scalar))],
            _ => [],
        };

    /// <summary>The trimmed, non-blank values of <see cref="ScalarList"/>: what a list of phrases, names or ids holds.</summary>
    public static List<string> Texts(YamlMappingNode map, string key) =>
        ScalarList(map, key).Select(s => s.Value.Trim()).Where(s => s.Length > 0).ToList();

    public static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
