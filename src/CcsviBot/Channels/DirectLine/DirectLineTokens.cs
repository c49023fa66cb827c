using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CcsviBot.Channels.DirectLine;

/// <summary>
/// Issues and checks conversation tokens: HS256 JWTs (Microsoft.IdentityModel.JsonWebTokens) carrying the conversation
/// id and the user id (Web Chat reads the <c>user</c> claim to know who it is), valid for
/// <see cref="DirectLineOptions.TokenLifetime"/>. A request's credential is checked once, by <see cref="CheckAsync"/>,
/// and the result kept on the request for the rate limiter and the endpoint.
/// </summary>
internal sealed class DirectLineTokens
{
    private const string Issuer = "ccsvibot/directline";
    private const string ConversationClaim = "conv";
    private const string UserClaim = "user";
    private static readonly object CheckKey = new();

    private readonly SigningCredentials _credentials;
    private readonly TokenValidationParameters _validation;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false, MapInboundClaims = false };
    private readonly IReadOnlyList<byte[]> _secrets;
    private readonly TimeProvider _time;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        var settings = options.Value;
        var key = new SymmetricSecurityKey(string.IsNullOrEmpty(settings.TokenSigningKey)
            ? RandomNumberGenerator.GetBytes(32)
            : Convert.FromBase64String(settings.TokenSigningKey));
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidateAudience = false,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            // Expiry is checked below against the host's clock, so that an expired token is told apart from a forged one.
            ValidateLifetime = false,
        };
        _secrets = settings.Secrets.Select(Encoding.UTF8.GetBytes).ToArray();
        Lifetime = settings.TokenLifetime;
        _time = time;
    }

    public TimeSpan Lifetime { get; }

    public string Issue(string conversationId, string userId)
    {
        var now = _time.GetUtcNow();
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            Claims = new Dictionary<string, object> { [ConversationClaim] = conversationId, [UserClaim] = userId },
            SigningCredentials = _credentials,
        });
    }

    /// <summary>
    /// The request's credential (<c>Authorization: Bearer</c>, or the stream URL's <c>t</c>), checked once per request:
    /// later calls, and <see cref="Checked"/>, return the same result.
    /// </summary>
    public async ValueTask<TokenCheck> CheckAsync(HttpContext context)
    {
        if (Checked(context) is { } known)
        {
            return known;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        var check = authorization.Length > 0 ? await CheckAuthorizationAsync(authorization).ConfigureAwait(false)
            : await CheckAsync(context.Request.Query["t"].ToString()).ConfigureAwait(false);
        context.Items[CheckKey] = check;
        return check;
    }

    /// <summary>The result of <see cref="CheckAsync(HttpContext)"/> for this request, if it ran.</summary>
    public static TokenCheck? Checked(HttpContext context) => context.Items.TryGetValue(CheckKey, out var value) ? (TokenCheck)value! : null;

    /// <summary>Checks an <c>Authorization</c> header value ("Bearer …").</summary>
    public ValueTask<TokenCheck> CheckAuthorizationAsync(string? authorization)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return ValueTask.FromResult(new TokenCheck(null, TokenProblem.MissingToken));
        }

        return CheckAsync(authorization[scheme.Length..].Trim());
    }

    /// <summary>Checks a bare token or site secret.</summary>
    public async ValueTask<TokenCheck> CheckAsync(string? credential)
    {
        if (string.IsNullOrEmpty(credential))
        {
            return new(null, TokenProblem.MissingToken);
        }

        if (IsSecret(credential))
        {
            return new(new DirectLineGrant(null, null, DateTimeOffset.MaxValue), TokenProblem.None);
        }

        var result = await _handler.ValidateTokenAsync(credential, _validation).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token
            || !token.TryGetPayloadValue<string>(ConversationClaim, out var conversation) || string.IsNullOrEmpty(conversation)
            || !token.TryGetPayloadValue<string>(UserClaim, out var user) || string.IsNullOrEmpty(user))
        {
            return new(null, TokenProblem.TokenInvalid);
        }

        var expires = new DateTimeOffset(token.ValidTo, TimeSpan.Zero);
        return _time.GetUtcNow() >= expires
            ? new(null, TokenProblem.TokenExpired)
            : new(new DirectLineGrant(conversation, user, expires), TokenProblem.None);
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
}
