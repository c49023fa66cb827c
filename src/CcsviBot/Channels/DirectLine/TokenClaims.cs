using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CcsviBot.Channels.DirectLine;

internal sealed record TokenClaims(
    [property: JsonPropertyName("iss")] string Issuer,
    [property: JsonPropertyName("conv")] string Conversation,
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("iat")] long IssuedAt,
    [property: JsonPropertyName("exp")] long Expires);
