using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.DirectLine;

/// <summary>
/// Issues and checks conversation tokens: compact HS256 JWTs carrying the conversation id and the user id
/// (Web Chat reads the <c>user</c> claim to know who it is), valid for <see cref="DirectLineOptions.TokenLifetime"/>.
/// </summary>
internal sealed class DirectLineTokens
{
    private const string Issuer = "ccsvibot/directline";
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    private readonly byte[] _signingKey;
    private readonly IReadOnlyList<byte[]> _secrets;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        var settings = options.Value;
        _signingKey = string.IsNullOrEmpty(settings.TokenSigningKey)
            ? RandomNumberGenerator.GetBytes(32)
            : Convert.FromBase64String(settings.TokenSigningKey);
        _secrets = settings.Secrets.Select(Encoding.UTF8.GetBytes).ToArray();
        _lifetime = settings.TokenLifetime;
        _time = time;
    }

    public TimeSpan Lifetime => _lifetime;

    public string Issue(string conversationId, string userId)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var claims = new TokenClaims(Issuer, conversationId, userId, now, now + (long)_lifetime.TotalSeconds);
        var payload = JsonSerializer.SerializeToUtf8Bytes(claims, DirectLineTokenJson.Default.TokenClaims);
        var signedPart = $"{Base64Url.EncodeToString(Header)}.{Base64Url.EncodeToString(payload)}";
        return $"{signedPart}.{Base64Url.EncodeToString(Sign(signedPart))}";
    }

    /// <summary>Checks an <c>Authorization</c> header value ("Bearer …").</summary>
    public TokenCheck CheckAuthorization(string? authorization)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return new(null, TokenProblem.MissingToken);
        }

        return Check(authorization[scheme.Length..].Trim());
    }

    /// <summary>Checks a bare token or site secret.</summary>
    public TokenCheck Check(string? credential)
    {
        if (string.IsNullOrEmpty(credential))
        {
            return new(null, TokenProblem.MissingToken);
        }

        if (IsSecret(credential))
        {
            return new(new DirectLineGrant(null, null, DateTimeOffset.MaxValue), TokenProblem.None);
        }

        var parts = credential.Split('.');
        if (parts.Length != 3 || !Base64Url.IsValid(parts[2]))
        {
            return new(null, TokenProblem.TokenInvalid);
        }

        var expected = Sign($"{parts[0]}.{parts[1]}");
        if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
        {
            return new(null, TokenProblem.TokenInvalid);
        }

        TokenClaims? claims;
        try
        {
            claims = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[1]), DirectLineTokenJson.Default.TokenClaims);
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            return new(null, TokenProblem.TokenInvalid);
        }

        if (claims is null || claims.Issuer != Issuer || string.IsNullOrEmpty(claims.Conversation) || string.IsNullOrEmpty(claims.User))
        {
            return new(null, TokenProblem.TokenInvalid);
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.Expires);
        return _time.GetUtcNow() >= expires
            ? new(null, TokenProblem.TokenExpired)
            : new(new DirectLineGrant(claims.Conversation, claims.User, expires), TokenProblem.None);
    }

    private bool IsSecret(string credential)
    {
        var candidate = Encoding.UTF8.GetBytes(credential);
        var match = false;
        foreach (var secret in _secrets)
        {
            // Compare against every secret so the time taken does not tell which one nearly matched.
            match |= CryptographicOperations.FixedTimeEquals(candidate, secret);
        }

        return match;
    }

    private byte[] Sign(string signedPart) => HMACSHA256.HashData(_signingKey, Encoding.ASCII.GetBytes(signedPart));
}
