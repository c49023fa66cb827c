using CcsviBot.Protocol;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace CcsviBot.Channels.BotConnector;

/// <summary>
/// Validates the Bot Framework JWT on an inbound activity, per the channel authentication protocol: allowed issuer,
/// audience = the app id, RS256/384/512 signature by a key from the configured OpenID metadata, lifetime with 5 minutes of
/// skew, the key endorsing the activity's channel, and the <c>serviceurl</c> claim equal to the activity's serviceUrl.
/// </summary>
public sealed partial class BotFrameworkAuthenticator
{
    public const string MetadataClientName = "BotFrameworkMetadata";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotOptions options;
    private readonly ConfigurationManager<SigningMetadata> botFrameworkKeys;
    private readonly ConfigurationManager<SigningMetadata>? entraKeys;
    private readonly JsonWebTokenHandler tokenHandler = new() { MapInboundClaims = false };
    private readonly ILogger<BotFrameworkAuthenticator> logger;

    public BotFrameworkAuthenticator(IOptions<BotOptions> options, IHttpClientFactory httpClients, ILogger<BotFrameworkAuthenticator> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        var documents = new HttpClientFactoryDocumentRetriever(httpClients, MetadataClientName);
        botFrameworkKeys = CreateManager(this.options.OpenIdMetadataUrl, documents);
        if (this.options.EntraIssuers.Count > 0)
        {
            var entraMetadataUrl = string.Format(System.Globalization.CultureInfo.InvariantCulture, this.options.EntraOpenIdMetadataUrlFormat, this.options.MicrosoftAppTenantId);
            entraKeys = CreateManager(entraMetadataUrl, documents);
        }
    }

    public async Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        const string bearer = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return new("No Bearer token in the Authorization header.");
        }

        var token = authorizationHeader[bearer.Length..].Trim();
        if (!tokenHandler.CanReadToken(token))
        {
            return new("The bearer token is not a JWT.");
        }

        // The issuer picks the key source; it is checked again, with everything else, by the validation below.
        string issuer;
        try
        {
            issuer = new JsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            return new("The bearer token is not a readable JWT.");
        }

        var isBotFrameworkToken = string.Equals(issuer, BotOptions.BotFrameworkIssuer, StringComparison.Ordinal);
        var keySource = isBotFrameworkToken ? botFrameworkKeys : options.EntraIssuers.Contains(issuer, StringComparer.Ordinal) ? entraKeys : null;
        if (keySource is null)
        {
            return new($"Issuer '{issuer}' is not accepted.");
        }

        SigningMetadata metadata;
        TokenValidationResult result;
        try
        {
            metadata = await keySource.GetConfigurationAsync(cancellationToken);
            result = await tokenHandler.ValidateTokenAsync(token, Parameters(metadata));
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                // The channel may have rotated its keys since the last read: re-read once, then decide.
                keySource.RequestRefresh();
                metadata = await keySource.GetConfigurationAsync(cancellationToken);
                result = await tokenHandler.ValidateTokenAsync(token, Parameters(metadata));
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException)
        {
            LogMetadataUnavailable(exception);
            return new("The signing keys could not be read.");
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken validated)
        {
            return new($"Token rejected: {result.Exception?.GetType().Name ?? "invalid"}.");
        }

        // Entra keys carry no endorsements; the Bot Framework's must name the channel the activity claims to come from.
        var keyId = validated.SigningKey?.KeyId ?? validated.Kid;
        if (isBotFrameworkToken && !metadata.Endorses(keyId, activity.ChannelId))
        {
            return new($"The signing key does not endorse channel '{activity.ChannelId}'.");
        }

        if (!validated.TryGetClaim("serviceurl", out var serviceUrlClaim)
            || !string.Equals(serviceUrlClaim.Value, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return new("The token's serviceurl claim does not match the activity's serviceUrl.");
        }

        return AuthenticationOutcome.Success;
    }

    private TokenValidationParameters Parameters(SigningMetadata metadata) => new()
    {
        ValidIssuers = [BotOptions.BotFrameworkIssuer, .. options.EntraIssuers],
        ValidAudience = options.MicrosoftAppId,
        IssuerSigningKeys = metadata.Keys,
        ValidAlgorithms = AllowedAlgorithms,
        ClockSkew = ClockSkew,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
    };

    private ConfigurationManager<SigningMetadata> CreateManager(string metadataUrl, IDocumentRetriever documents) =>
        new(metadataUrl, new SigningMetadataRetriever(), documents)
        {
            AutomaticRefreshInterval = options.SigningKeysRefreshInterval,
        };

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot Framework signing keys could not be read; inbound requests are refused until they can")]
    private partial void LogMetadataUnavailable(Exception exception);
}
