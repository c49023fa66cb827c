using CcsviBot.Channels.DirectLine;

namespace CcsviBot.Tests.DirectLine;

public sealed class DirectLineOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(new DirectLineOptionsValidator().Validate(null, new DirectLineOptions()).Succeeded);
    }

    [Theory]
    [InlineData("short-key", null, null)]
    [InlineData(null, "https://example.org/path", null)]
    [InlineData(null, "example.org", null)]
    [InlineData(null, null, "tiny")]
    public void Bad_key_origin_or_secret_is_refused_at_start(string? key, string? origin, string? secret)
    {
        var options = new DirectLineOptions { TokenSigningKey = key };
        if (origin is not null)
        {
            options.AllowedOrigins.Add(origin);
        }

        if (secret is not null)
        {
            options.Secrets.Add(secret);
        }

        var result = new DirectLineOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("DirectLine:", result.FailureMessage);
    }
}
