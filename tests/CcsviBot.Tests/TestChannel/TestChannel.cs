using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CcsviBot.Channels.BotConnector;
using CcsviBot.Protocol;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CcsviBot.Tests;

/// <summary>How a test token differs from a valid one.</summary>
public sealed record TokenSpec
{
    public string Issuer { get; init; } = BotOptions.BotFrameworkIssuer;
    public string Audience { get; init; } = TestChannel.AppId;
    public string? ServiceUrl { get; init; } = TestChannel.ServiceUrl;
    public DateTime NotBefore { get; init; } = DateTime.UtcNow.AddMinutes(-1);
    public DateTime Expires { get; init; } = DateTime.UtcNow.AddMinutes(30);
    /// <summary>Which of the channel's keys signs: <see cref="TestChannel.WebChatKeyId"/> (endorses webchat, directline, msteams),
    /// <see cref="TestChannel.TeamsOnlyKeyId"/>, <see cref="TestChannel.UnendorsedKeyId"/> or <see cref="TestChannel.EntraKeyId"/>.</summary>
    public string KeyId { get; init; } = TestChannel.WebChatKeyId;
    public string Algorithm { get; init; } = SecurityAlgorithms.RsaSha256;
}

/// <summary>
/// A Bot Framework channel for tests, entirely in memory: its own RSA keys published through an OpenID metadata document
/// and a JWKS with endorsements, tokens it signs, and a Bot Connector that records the replies it is sent (and can be
/// told to fail). Plug <see cref="Handler"/> in as the primary handler of the bot's metadata and connector HTTP clients
/// (<see cref="BotTestHost"/> does it).
/// </summary>
public sealed class TestChannel : IDisposable
{
    public const string AppId = "6f1d3c3e-2a55-4a39-9a0e-6f1d3c3e2a55";
    public const string TenantId = "0b7a3c1e-9f54-4d8e-8a2f-0b7a3c1e9f54";
    public const string ServiceUrl = "https://connector.test-channel.invalid/";
    public const string MetadataUrl = "https://login.test-channel.invalid/v1/.well-known/openidconfiguration";
    public const string KeysUrl = "https://login.test-channel.invalid/v1/.well-known/keys";
    public const string EntraMetadataUrlFormat = "https://entra.test-channel.invalid/{0}/v2.0/.well-known/openid-configuration";
    public const string EntraKeysUrl = "https://entra.test-channel.invalid/common/discovery/v2.0/keys";
    public const string WebChatKeyId = "channel-key";
    public const string TeamsOnlyKeyId = "teams-only-key";
    public const string UnendorsedKeyId = "unendorsed-key";
    public const string EntraKeyId = "entra-key";

    private readonly Dictionary<string, RSA> keys = new()
    {
        [WebChatKeyId] = RSA.Create(2048),
        [TeamsOnlyKeyId] = RSA.Create(2048),
        [UnendorsedKeyId] = RSA.Create(2048),
        [EntraKeyId] = RSA.Create(2048),
    };

    private readonly ConcurrentQueue<HttpStatusCode> connectorFailures = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RecordedReply>> repliesByReplyToId = new();
    private readonly ConcurrentQueue<RecordedReply> replies = new();

    public TestChannel() => Handler = new ChannelHandler(this);

    /// <summary>Serves metadata and keys, and records Bot Connector calls.</summary>
    public HttpMessageHandler Handler { get; }

    /// <summary>Every reply the connector accepted, in arrival order.</summary>
    public IReadOnlyCollection<RecordedReply> Replies => replies;

    /// <summary>Calls the connector received, failed ones included.</summary>
    public int ConnectorAttempts => connectorAttempts;

    /// <summary>Client-credential token requests the bot made to Entra (their URLs name the authority's tenant).</summary>
    public IReadOnlyCollection<Uri> TokenRequests => tokenRequests;

    private int connectorAttempts;
    private readonly ConcurrentQueue<Uri> tokenRequests = new();

    /// <summary>Makes the next connector calls fail with these statuses (429 carries Retry-After: 0).</summary>
    public void FailNextConnectorCalls(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses)
        {
            connectorFailures.Enqueue(status);
        }
    }

    /// <summary>Makes the connector hold every call until the returned gate is opened (a slow connector).</summary>
    public TaskCompletionSource HoldConnector()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connectorGate = gate;
        return gate;
    }

    private volatile TaskCompletionSource? connectorGate;

    public string CreateToken(TokenSpec? spec = null)
    {
        spec ??= new TokenSpec();
        var claims = new Dictionary<string, object>();
        if (spec.ServiceUrl is not null)
        {
            claims["serviceurl"] = spec.ServiceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Audience = spec.Audience,
            NotBefore = spec.NotBefore,
            IssuedAt = spec.NotBefore,
            Expires = spec.Expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(keys[spec.KeyId]) { KeyId = spec.KeyId }, spec.Algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>A token with <c>alg: none</c> and no signature.</summary>
    public static string CreateUnsignedToken()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = BotOptions.BotFrameworkIssuer,
            ["aud"] = AppId,
            ["serviceurl"] = ServiceUrl,
            ["nbf"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds(),
        }));
        return $"{header}.{payload}.";
    }

    /// <summary>A token signed with HS256 by a shared secret, as a forger without the channel's keys might try.</summary>
    public static string CreateHmacToken() => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = BotOptions.BotFrameworkIssuer,
        Audience = AppId,
        Expires = DateTime.UtcNow.AddMinutes(30),
        Subject = new ClaimsIdentity([new Claim("serviceurl", ServiceUrl)]),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = WebChatKeyId }, SecurityAlgorithms.HmacSha256),
    });

    /// <summary>A message as Web Chat 4.18 sends it through Direct Line, addressed to this channel's connector.</summary>
    public static Activity Message(string text, string channelId = "webchat", string? id = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? Guid.NewGuid().ToString("N"),
        Timestamp = DateTimeOffset.UtcNow,
        ServiceUrl = ServiceUrl,
        ChannelId = channelId,
        From = new ChannelAccount { Id = "r_03c5srv9rb", Name = "Visitor", Role = "user" },
        Recipient = new ChannelAccount { Id = "ccsvibot", Name = "CcsviBot" },
        Conversation = new ConversationAccount { Id = "conversation-" + Guid.NewGuid().ToString("N") },
        Locale = "en-US",
        Text = text,
    };

    /// <summary>An invoke (e.g. Teams' <c>composeExtension/query</c>) on the same addressing as <see cref="Message"/>.</summary>
    public static Activity Invoke(string name, JsonNode? value = null, string channelId = "msteams")
    {
        var invoke = Message(string.Empty, channelId);
        invoke.Type = ActivityTypes.Invoke;
        invoke.Text = null;
        invoke.Name = name;
        invoke.Value = value;
        return invoke;
    }

    /// <summary>The first reply the connector receives for the activity <paramref name="replyToId"/>.</summary>
    public Task<RecordedReply> ReplyToAsync(string replyToId) =>
        repliesByReplyToId.GetOrAdd(replyToId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(15));

    public void Dispose()
    {
        foreach (var key in keys.Values)
        {
            key.Dispose();
        }

        Handler.Dispose();
    }

    private string Metadata(string issuer, string keysUrl) => new JsonObject
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = "https://login.test-channel.invalid/v1/authorize",
        ["jwks_uri"] = keysUrl,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    }.ToJsonString();

    private string KeySet(params (string KeyId, string[]? Endorsements)[] published)
    {
        var array = new JsonArray();
        foreach (var (keyId, endorsements) in published)
        {
            var parameters = keys[keyId].ExportParameters(includePrivateParameters: false);
            var key = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = keyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            if (endorsements is not null)
            {
                key["endorsements"] = new JsonArray([.. endorsements.Select(channel => (JsonNode)channel)]);
            }

            array.Add(key);
        }

        return new JsonObject { ["keys"] = array }.ToJsonString();
    }

    private async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!.AbsoluteUri;
        if (request.Method == HttpMethod.Get && uri == MetadataUrl)
        {
            return Json(Metadata(BotOptions.BotFrameworkIssuer, KeysUrl));
        }

        if (request.Method == HttpMethod.Get && uri == KeysUrl)
        {
            return Json(KeySet(
                (WebChatKeyId, ["webchat", "directline", "msteams", "emulator"]),
                (TeamsOnlyKeyId, ["msteams"]),
                (UnendorsedKeyId, null)));
        }

        if (request.Method == HttpMethod.Get && uri == string.Format(System.Globalization.CultureInfo.InvariantCulture, EntraMetadataUrlFormat, TenantId))
        {
            return Json(Metadata($"https://login.microsoftonline.com/{TenantId}/v2.0", EntraKeysUrl));
        }

        if (request.Method == HttpMethod.Get && uri == EntraKeysUrl)
        {
            return Json(KeySet((EntraKeyId, null)));
        }

        if (request.RequestUri.Host == "login.microsoftonline.com")
        {
            return EntraLogin(request);
        }

        if (request.Method == HttpMethod.Post && request.RequestUri.AbsolutePath.Contains("/v3/conversations/", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref connectorAttempts);
            if (connectorGate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            if (connectorFailures.TryDequeue(out var failure))
            {
                var failed = new HttpResponseMessage(failure);
                if (failure == HttpStatusCode.TooManyRequests)
                {
                    failed.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
                }

                return failed;
            }

            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options)!;
            var reply = new RecordedReply(request.RequestUri, request.Headers.Authorization?.ToString(), activity, JsonNode.Parse(body)!.AsObject());
            replies.Enqueue(reply);
            repliesByReplyToId.GetOrAdd(activity.ReplyToId ?? string.Empty, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(reply);
            return Json($$"""{"id":"reply-{{replies.Count}}"}""");
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
    }

    /// <summary>Just enough of Entra for MSAL's client-credentials flow: instance discovery and the token endpoint.</summary>
    private HttpResponseMessage EntraLogin(HttpRequestMessage request)
    {
        if (request.RequestUri!.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            tokenRequests.Enqueue(request.RequestUri);
            var tenant = request.RequestUri.Segments[1].TrimEnd('/');
            return Json($$"""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"connector-token-for-{{tenant}}"}""");
        }

        if (request.RequestUri.AbsolutePath.EndsWith("/discovery/instance", StringComparison.Ordinal))
        {
            return Json("""
                {"tenant_discovery_endpoint":"https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration","api-version":"1.1",
                 "metadata":[{"preferred_network":"login.microsoftonline.com","preferred_cache":"login.windows.net",
                 "aliases":["login.microsoftonline.com","login.windows.net","login.microsoft.com","sts.windows.net"]}]}
                """);
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
    }

    private static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private sealed class ChannelHandler(TestChannel channel) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            channel.HandleAsync(request, cancellationToken);
    }
}

/// <summary>One activity the bot sent to the connector: where, with which Authorization header, and its exact JSON.</summary>
public sealed record RecordedReply(Uri Uri, string? Authorization, Activity Activity, JsonObject Json);
