using CcsviBot.Channels.DirectLine;
using Microsoft.Extensions.Options;

namespace CcsviBot.Scaling;

/// <summary>With Redis, every instance must sign and accept the same conversation tokens: a shared key is required.</summary>
internal sealed class RedisOptionsValidator(IOptions<DirectLineOptions> directLine) : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options) =>
        options.Enabled && string.IsNullOrWhiteSpace(directLine.Value.TokenSigningKey)
            ? ValidateOptionsResult.Fail(
                "Redis:ConnectionString is set, so several instances share Direct Line conversations: DirectLine:TokenSigningKey must be set "
                + "to the same base64 key (at least 32 bytes) on every instance, or a token issued by one is refused by the others. "
                + "Make one with: openssl rand -base64 32")
            : ValidateOptionsResult.Success;
}
