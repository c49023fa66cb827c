using CcsviBot.Core.Configuration;

namespace CcsviBot;

public static class RepositorySettings
{
    /// <summary>Configuration key holding the folder of the repository's appsettings.json; relative paths resolve against it.</summary>
    public const string SettingsDirectoryKey = "SettingsDirectory";

    /// <summary>
    /// Adds the repository's top-level appsettings.json (and its Environment variant) under the host's own sources,
    /// then user secrets (in every environment: they are where a developer keeps Bot:MicrosoftAppPassword) and
    /// environment variables again so that they keep the last word.
    /// </summary>
    public static IConfigurationBuilder AddRepositorySettings(this IConfigurationBuilder configuration, IHostEnvironment environment)
    {
        var directory = SettingsLocator.FindSettingsDirectory(Directory.GetCurrentDirectory(), environment.ContentRootPath, AppContext.BaseDirectory);
        if (directory is null)
        {
            return configuration;
        }

        configuration.AddInMemoryCollection([new(SettingsDirectoryKey, directory)]);
        configuration.AddJsonFile(Path.Combine(directory, SettingsLocator.FileName), optional: false, reloadOnChange: false);
        configuration.AddJsonFile(Path.Combine(directory, $"appsettings.{environment.EnvironmentName}.json"), optional: true, reloadOnChange: false);
        configuration.AddUserSecrets(typeof(RepositorySettings).Assembly, optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        return configuration;
    }
}
