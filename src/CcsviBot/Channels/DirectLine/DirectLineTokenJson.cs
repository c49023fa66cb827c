using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CcsviBot.Channels.DirectLine;

[JsonSerializable(typeof(TokenClaims))]
internal sealed partial class DirectLineTokenJson : JsonSerializerContext;
