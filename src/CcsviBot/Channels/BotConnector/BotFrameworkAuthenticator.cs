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

    /// <summary>After the signing metadata could not be read, requests are refused without another fetch for this long.</summary>
    public static readonly TimeSpan MetadataRetryDelay = TimeSpan.FromSeconds(30);

    private readonly BotOptions options;
    private readonly KeySource botFrameworkKeys;
    private readonly KeySource? entraKeys;
    private readonly JsonWebTokenHandler tokenHandler = new() { MapInboundClaims = false };
    private readonly TimeProvider time;
    private readonly ILogger<BotFrameworkAuthenticator> logger;

    public BotFrameworkAuthenticator(IOptions<BotOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<BotFrameworkAuthenticator> logger)
    {
        this.options = options.Value;
        this.time = time;
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

        // While the metadata is unreachable, each JWT-shaped request must not cost an outbound fetch and a stack trace.
        if (time.GetUtcNow() < keySource.RetryAt)
        {
            return new("The signing keys could not be read.");
        }

        SigningMetadata metadata;
        TokenValidationResult result;
        try
        {
            metadata = await keySource.Manager.GetConfigurationAsync(cancellationToken);
            result = await tokenHandler.ValidateTokenAsync(token, Parameters(metadata));
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                // The channel may have rotated its keys since the last read: re-read once, then decide.
                keySource.Manager.RequestRefresh();
                metadata = await keySource.Manager.GetConfigurationAsync(cancellationToken);
                result = await tokenHandler.ValidateTokenAsync(token, Parameters(metadata));
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException)
        {
            keySource.RetryAt = time.GetUtcNow() + MetadataRetryDelay;
            LogMetadataUnavailable(keySource.Manager.MetadataAddress, MetadataRetryDelay.TotalSeconds, (exception.InnerException ?? exception).Message);
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

    private KeySource CreateManager(string metadataUrl, IDocumentRetriever documents) =>
        new(new ConfigurationManager<SigningMetadata>(metadataUrl, new SigningMetadataRetriever(), documents)
        {
            AutomaticRefreshInterval = options.SigningKeysRefreshInterval,
        });

    // One line, no stack trace: it repeats at most once per retry delay while the metadata stays unreachable.
    [LoggerMessage(Level = LogLevel.Error, Message = "Bot Framework signing keys could not be read from {MetadataUrl}; inbound requests are refused, next attempt in {Seconds} s: {Reason}")]
    private partial void LogMetadataUnavailable(string metadataUrl, double seconds, string reason);

    /// <summary>One metadata document's keys, and when the next fetch may be tried after a failure.</summary>
    private sealed class KeySource(ConfigurationManager<SigningMetadata> manager)
    {
        public ConfigurationManager<SigningMetadata> Manager { get; } = manager;

        private long retryAtTicks = DateTimeOffset.MinValue.UtcTicks;

        public DateTimeOffset RetryAt
        {
            get => new(Interlocked.Read(ref retryAtTicks), TimeSpan.Zero);
            set => Interlocked.Exchange(ref retryAtTicks, value.UtcTicks);
        }
    }
}
