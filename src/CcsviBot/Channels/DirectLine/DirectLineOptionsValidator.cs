using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.DirectLine;

/// <summary>Checks what data annotations cannot: the signing key, secrets and origins.</summary>
internal sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.TokenSigningKey))
        {
            var key = new byte[options.TokenSigningKey.Length];
            if (!Convert.TryFromBase64String(options.TokenSigningKey, key, out var length) || length < 32)
            {
                failures.Add("DirectLine:TokenSigningKey must be base64 of at least 32 bytes (or empty to generate one at start-up).");
            }
        }

        if (options.Secrets.Any(secret => string.IsNullOrWhiteSpace(secret) || secret.Length < 16))
        {
            failures.Add("DirectLine:Secrets entries must be at least 16 characters long.");
        }

        foreach (var origin in options.AllowedOrigins)
        {
            if (origin != "*" && !IsOrigin(origin))
            {
                failures.Add($"DirectLine:AllowedOrigins entry '{origin}' is not an origin like https://www.example.org (no path, no trailing slash).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.Equals(value, uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
}
