using System.Buffers;
using System.Text.Json;

namespace CcsviBot.Channels.DirectLine;

/// <summary>Token answer of tokens/generate, tokens/refresh and the page endpoint.</summary>
internal sealed record TokenResponse(string ConversationId, string Token, [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);
