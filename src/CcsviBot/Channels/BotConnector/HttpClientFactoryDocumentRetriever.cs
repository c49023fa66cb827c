using Microsoft.IdentityModel.Protocols;

namespace CcsviBot.Channels.BotConnector;

/// <summary>Fetches metadata documents through <see cref="IHttpClientFactory"/> (so handlers rotate and tests can substitute them), https only.</summary>
public sealed class HttpClientFactoryDocumentRetriever(IHttpClientFactory httpClients, string clientName) : IDocumentRetriever
{
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"Refusing to read signing metadata over anything but https: {address}");
        }

        using var response = await httpClients.CreateClient(clientName).GetAsync(uri, cancel);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancel);
    }
}
