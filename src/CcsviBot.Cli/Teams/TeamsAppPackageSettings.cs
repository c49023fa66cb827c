using System.IO.Compression;

namespace CcsviBot.Cli.Teams;

/// <summary>What goes into a Teams app package; checked by <see cref="Validate"/> before anything is written.</summary>
internal sealed record TeamsAppPackageSettings(Guid AppId, string Name, string? EndpointHost, string Version, bool AllowPlaceholderUrls = false)
{
    /// <summary>The developer links without an endpoint host: pages that say nothing about this bot's privacy or terms.</summary>
    public const string PlaceholderSite = "https://github.com/ccsvibot/ccsvibot";

    public const int MaxShortName = 30;

    public IEnumerable<string> Validate()
    {
        if (AppId == Guid.Empty)
        {
            yield return "--app-id must be the Azure Bot's Microsoft App ID, not the empty GUID.";
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > MaxShortName)
        {
            yield return $"--name must be 1 to {MaxShortName} characters (Teams' limit for an app's short name).";
        }

        if (EndpointHost is null && !AllowPlaceholderUrls)
        {
            // Teams shows the privacy and terms links to every user who installs the app: they must be the bot's real pages.
            yield return "--endpoint-host is required: the manifest links to https://<host>/privacy and /terms, which the bot serves. "
                + "For a trial package with placeholder links instead, pass --allow-placeholder-urls.";
        }

        if (EndpointHost is not null && Uri.CheckHostName(EndpointHost) is UriHostNameType.Unknown or UriHostNameType.Basic)
        {
            yield return $"--endpoint-host must be a host name such as bot.example.org (no scheme, path or port), not \"{EndpointHost}\".";
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(Version, @"^\d+\.\d+\.\d+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            yield return $"--version must be major.minor.patch such as 1.0.0, not \"{Version}\".";
        }
    }
}
