using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CcsviBot.Channels.BotConnector;

/// <summary>Reads the metadata document, then its <c>jwks_uri</c>, for <see cref="ConfigurationManager{T}"/>.</summary>
public sealed class SigningMetadataRetriever : IConfigurationRetriever<SigningMetadata>
{
    public async Task<SigningMetadata> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var metadata = OpenIdConnectConfiguration.Create(await retriever.GetDocumentAsync(address, cancel));
        if (string.IsNullOrEmpty(metadata.JwksUri))
        {
            throw new InvalidOperationException($"The OpenID metadata at {address} has no jwks_uri.");
        }

        var keySetJson = await retriever.GetDocumentAsync(metadata.JwksUri, cancel);
        var keys = new JsonWebKeySet(keySetJson).GetSigningKeys();
        return new SigningMetadata([.. keys], ReadEndorsements(keySetJson));
    }

    private static Dictionary<string, IReadOnlySet<string>> ReadEndorsements(string keySetJson)
    {
        var endorsements = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(keySetJson);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            return endorsements;
        }

        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind == JsonValueKind.Object
                && key.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String
                && key.TryGetProperty("endorsements", out var channels) && channels.ValueKind == JsonValueKind.Array)
            {
                endorsements[kid.GetString()!] = channels.EnumerateArray()
                    .Where(channel => channel.ValueKind == JsonValueKind.String)
                    .Select(channel => channel.GetString()!)
                    .ToHashSet(StringComparer.Ordinal);
            }
        }

        return endorsements;
    }
}
