using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace CcsviBot.Channels.BotConnector;

/// <summary>
/// The signing keys of one OpenID metadata document, with each key's Bot Framework <c>endorsements</c> (the channel ids
/// the key may sign for) read from the raw JWKS, since the JsonWebKey model does not promise to keep that field.
/// </summary>
public sealed record SigningMetadata(IReadOnlyList<SecurityKey> Keys, IReadOnlyDictionary<string, IReadOnlySet<string>> Endorsements)
{
    /// <summary>True when the key <paramref name="keyId"/> lists <paramref name="channelId"/> among its endorsements.</summary>
    public bool Endorses(string? keyId, string? channelId) =>
        keyId is not null && !string.IsNullOrEmpty(channelId)
        && Endorsements.TryGetValue(keyId, out var channels) && channels.Contains(channelId);
}
