using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CcsviBot.Protocol;

public sealed class CardAction
{
    public required string Type { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
    public JsonNode? Value { get; set; }
    public string? Image { get; set; }
}
