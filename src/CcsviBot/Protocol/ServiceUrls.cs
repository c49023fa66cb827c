using System.Net;

namespace CcsviBot.Protocol;

/// <summary>The one check of where the bot may send replies.</summary>
public static class ServiceUrls
{
    /// <summary>True for an absolute http(s) URL on this machine: <c>localhost</c>, a 127.x address or <c>[::1]</c>.</summary>
    public static bool IsLoopback(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.UserInfo)
        && (string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address)));
}
