using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CcsviBot.Maintenance;

/// <summary>
/// Lets a request through only with the configured admin key, in the <c>X-Api-Key</c> header or as the password of
/// HTTP Basic authentication (so that a browser can open /admin/report: it prompts for it). The comparison runs in
/// constant time over SHA-256 digests, which also hides the key's length.
/// </summary>
public sealed class AdminApiKeyFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    public const string Realm = "CcsviBot maintainers";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!IsAuthorized(context.HttpContext.Request, options.Value))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: $"Send the admin key in the {AdminOptions.ApiKeyHeader} header.");
        }

        return await next(context);
    }

    /// <summary>True when the request carries the configured admin key (never when none is configured).</summary>
    public static bool IsAuthorized(HttpRequest request, AdminOptions options) =>
        !string.IsNullOrEmpty(options.ApiKey) && Matches(PresentedKey(request), options.ApiKey);

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers[AdminOptions.ApiKeyHeader] is [{ Length: > 0 } header])
        {
            return header;
        }

        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var authorization)
            && string.Equals(authorization.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            && authorization.Parameter is { } parameter)
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                return colon >= 0 ? decoded[(colon + 1)..] : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return null;
    }

    private static bool Matches(string? presented, string key) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
