using System.Net;
using CcsviBot.Channels.BotConnector;
using Microsoft.IdentityModel.Tokens;

namespace CcsviBot.Tests.BotConnector;

public sealed class AuthenticationTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private readonly BotTestHost host = fixture.Host;
    private readonly TestChannel channel = fixture.Channel;

    [Fact]
    public async Task A_valid_channel_token_is_accepted_and_the_turn_answered()
    {
        var message = TestChannel.Message("What is CCSVI?");

        using var response = await host.PostActivityAsync(message, channel.CreateToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await channel.ReplyToAsync(message.Id!);
        Assert.Equal(message.Conversation!.Id, reply.Activity.Conversation!.Id);
    }

    public static TheoryData<string, TokenSpec, string> RejectedTokens => new()
    {
        { "expired beyond the 5-minute skew", new TokenSpec { NotBefore = DateTime.UtcNow.AddHours(-2), Expires = DateTime.UtcNow.AddMinutes(-6) }, "SecurityTokenExpired" },
        { "not valid yet beyond the skew", new TokenSpec { NotBefore = DateTime.UtcNow.AddMinutes(10), Expires = DateTime.UtcNow.AddMinutes(40) }, "SecurityTokenNotYetValid" },
        { "wrong audience", new TokenSpec { Audience = "11111111-2222-3333-4444-555555555555" }, "InvalidAudience" },
        { "wrong issuer", new TokenSpec { Issuer = "https://api.botframework.example" }, "is not accepted" },
        { "another tenant's Entra issuer", new TokenSpec { Issuer = "https://sts.windows.net/99999999-9999-9999-9999-999999999999/", KeyId = TestChannel.EntraKeyId }, "is not accepted" },
        { "key endorsing only msteams, activity from webchat", new TokenSpec { KeyId = TestChannel.TeamsOnlyKeyId }, "does not endorse channel 'webchat'" },
        { "key with no endorsements", new TokenSpec { KeyId = TestChannel.UnendorsedKeyId }, "does not endorse" },
        { "Entra key claiming the Bot Framework issuer", new TokenSpec { KeyId = TestChannel.EntraKeyId }, "SignatureKeyNotFound" },
        { "serviceurl claim for another connector", new TokenSpec { ServiceUrl = "https://evil.example/" }, "serviceurl" },
        { "no serviceurl claim", new TokenSpec { ServiceUrl = null }, "serviceurl" },
        { "RSA-PSS is not an allowed algorithm", new TokenSpec { Algorithm = SecurityAlgorithms.RsaSsaPssSha256 }, "InvalidSignature" },
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task A_bad_token_gets_401_and_no_turn(string because, TokenSpec spec, string reason)
    {
        var message = TestChannel.Message("What is CCSVI?");

        using var response = await host.PostActivityAsync(message, channel.CreateToken(spec));

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, because);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(channel.Replies, reply => reply.Activity.ReplyToId == message.Id);
    }

    public static TheoryData<string, string> ForgedTokens => new()
    {
        { "no token", string.Empty },
        { "alg none", TestChannel.CreateUnsignedToken() },
        { "HS256 with a made-up secret", TestChannel.CreateHmacToken() },
        { "not a JWT", "not-a-token" },
    };

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task A_missing_or_forged_token_gets_401(string because, string token)
    {
        using var response = await host.PostActivityAsync(TestChannel.Message("What is CCSVI?"), token);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, because);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task RS384_and_RS512_are_accepted(string algorithm)
    {
        using var response = await host.PostActivityAsync(TestChannel.Message("hello"), channel.CreateToken(new TokenSpec { Algorithm = algorithm }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_token_expired_within_the_5_minute_skew_is_accepted()
    {
        var spec = new TokenSpec { NotBefore = DateTime.UtcNow.AddHours(-1), Expires = DateTime.UtcNow.AddMinutes(-3) };

        using var response = await host.PostActivityAsync(TestChannel.Message("hello"), channel.CreateToken(spec));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_msteams_only_key_is_accepted_for_a_Teams_activity()
    {
        using var response = await host.PostActivityAsync(
            TestChannel.Message("hello", channelId: "msteams"),
            channel.CreateToken(new TokenSpec { KeyId = TestChannel.TeamsOnlyKeyId }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("https://sts.windows.net/" + TestChannel.TenantId + "/")]
    [InlineData("https://login.microsoftonline.com/" + TestChannel.TenantId + "/v2.0")]
    public async Task A_single_tenant_bot_accepts_its_own_tenants_Entra_issuers(string issuer)
    {
        var spec = new TokenSpec { Issuer = issuer, KeyId = TestChannel.EntraKeyId };

        using var response = await host.PostActivityAsync(TestChannel.Message("hello"), channel.CreateToken(spec));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_multi_tenant_bot_does_not_accept_tenant_issuers()
    {
        using var multiTenantChannel = new TestChannel();
        await using var multiTenant = new BotTestHost(multiTenantChannel, new BotTestHostOptions { AppType = nameof(BotAppType.MultiTenant) });
        var spec = new TokenSpec { Issuer = $"https://sts.windows.net/{TestChannel.TenantId}/", KeyId = TestChannel.EntraKeyId };

        using var response = await multiTenant.PostActivityAsync(TestChannel.Message("hello"), multiTenantChannel.CreateToken(spec));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Without_an_app_id_only_loopback_requests_are_accepted()
    {
        using var anonymousChannel = new TestChannel();
        var allowed = new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" };
        await using var local = new BotTestHost(anonymousChannel, new BotTestHostOptions { Authenticated = false, Settings = allowed });
        await using var remote = new BotTestHost(anonymousChannel, new BotTestHostOptions { Authenticated = false, RemoteAddress = IPAddress.Parse("203.0.113.7"), Settings = allowed });
        var message = TestChannel.Message("hello");
        message.ServiceUrl = "http://localhost:3979/";

        using var fromLoopback = await local.PostActivityAsync(message);
        using var fromElsewhere = await remote.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, fromLoopback.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, fromElsewhere.StatusCode);
    }
}
