using CcsviBot.Core.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace CcsviBot;

public static class RepositorySettings
{
    /// <summary>Configuration key holding the folder of the repository's appsettings.json; relative paths resolve against it.</summary>
    public const string SettingsDirectoryKey = "SettingsDirectory";

    /// <summary>Where the bot listens when nothing says otherwise (no Urls, --urls, ASPNETCORE_URLS or ASPNETCORE_HTTP(S)_PORTS).</summary>
    public const string DefaultUrls = "http://localhost:3978";

    /// <summary>
    /// Adds the settings files: a published app's own appsettings.json (next to CcsviBot.dll, wherever it is run from),
    /// or else, for <c>dotnet run</c> and tests in the repository, the repository's top-level appsettings.json and its Environment variant (found from the working directory,
    /// so that <c>dotnet run</c> inside the repository uses its settings and faq/), and user secrets in every
    /// environment (they are where a developer keeps Bot:MicrosoftAppPassword), where ASP.NET Core puts its own
    /// settings files: before user secrets, environment variables and the command line, which keep the last word.
    /// Precedence: appsettings.json &lt; appsettings.{Environment}.json &lt; user secrets &lt; environment &lt; command line.
    /// </summary>
    public static IConfigurationManager AddRepositorySettings(this IConfigurationManager configuration, IHostEnvironment environment)
    {
        var directory = PublishedSettingsDirectory()
            ?? SettingsLocator.FindSettingsDirectory(Directory.GetCurrentDirectory(), environment.ContentRootPath, AppContext.BaseDirectory);
        if (directory is null)
        {
            return configuration;
        }

        var sources = configuration.Sources;
        var hasUserSecrets = sources.Any(IsUserSecrets);
        var at = FirstOverride(sources);
        var files = new ConfigurationBuilder()
            .AddInMemoryCollection([new(SettingsDirectoryKey, directory)])
            .AddJsonFile(Path.Combine(directory, SettingsLocator.FileName), optional: false, reloadOnChange: false)
            .AddJsonFile(Path.Combine(directory, $"appsettings.{environment.EnvironmentName}.json"), optional: true, reloadOnChange: false);
        if (!hasUserSecrets)
        {
            files.AddUserSecrets(typeof(RepositorySettings).Assembly, optional: true, reloadOnChange: false);
        }

        foreach (var source in files.Sources.Reverse())
        {
            sources.Insert(at, source);
        }

        return configuration;
    }

    /// <summary>
    /// The folder of a published app: <c>dotnet publish</c> puts appsettings.json next to the binaries (a build does
    /// not), so finding one there means this is a deployment, which never goes looking for a repository.
    /// </summary>
    private static string? PublishedSettingsDirectory()
    {
        var directory = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        return File.Exists(Path.Combine(directory, SettingsLocator.FileName)) ? directory : null;
    }

    /// <summary>Listens on <see cref="DefaultUrls"/> unless the configuration (any source) names URLs or ports.</summary>
    public static void UseDefaultUrls(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["http_ports"]) && string.IsNullOrEmpty(configuration["https_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }
    }

    /// <summary>The position of the first source that must override settings files: user secrets, unprefixed environment variables, the command line.</summary>
    private static int FirstOverride(IList<IConfigurationSource> sources)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            if (IsUserSecrets(sources[i])
                || sources[i] is EnvironmentVariablesConfigurationSource { Prefix: null or "" }
                || sources[i] is CommandLineConfigurationSource)
            {
                // Host-level sources (DOTNET_/ASPNETCORE_ prefixed variables, the host's command line) come before the
                // host's own appsettings.json too; the first unprefixed one marks where application overrides begin.
                if (sources[i] is CommandLineConfigurationSource && i + 1 < sources.Count && sources.Skip(i + 1).Any(s => s is JsonConfigurationSource))
                {
                    continue;
                }

                return i;
            }
        }

        return sources.Count;
    }

    private static bool IsUserSecrets(IConfigurationSource source) =>
        source is JsonConfigurationSource { Path: "secrets.json" };
}
