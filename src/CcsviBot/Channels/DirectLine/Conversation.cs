using System.Buffers;
using System.Text.Json;

namespace CcsviBot.Channels.DirectLine;

/// <summary>Azure's Conversation object: start and reconnect answers.</summary>
internal sealed record Conversation(string ConversationId, string Token, [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn, string StreamUrl);
