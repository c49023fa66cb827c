using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CcsviBot.Cli.Commands;

/// <summary>One JSON object per line, camelCase, readable non-ASCII.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteLine<T>(TextWriter writer, T value) => writer.WriteLine(JsonSerializer.Serialize(value, Options));

    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options);

    public static JsonObject ToObject<T>(T value) where T : class => ToNode(value)!.AsObject();
}
