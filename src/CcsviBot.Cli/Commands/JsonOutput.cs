using System.Text.Encodings.Web;
using System.Text.Json;

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
}
