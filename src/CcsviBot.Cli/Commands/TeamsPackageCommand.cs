using System.CommandLine;
using CcsviBot.Cli.Teams;

namespace CcsviBot.Cli.Commands;

/// <summary><c>ccsvibot teams package --app-id &lt;guid&gt; --endpoint-host &lt;host&gt; [--name …] [--version …] [--out …]</c></summary>
internal static class TeamsPackageCommand
{
    public static Command Create(CliConsole console)
    {
        var appId = new Option<string>("--app-id")
        {
            Description = "The Azure Bot's Microsoft App ID (a GUID); also used as the Teams app id.",
            Required = true,
        };
        appId.Validators.Add(result =>
        {
            if (!Guid.TryParse(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError($"--app-id must be a GUID such as 00000000-0000-0000-0000-000000000000, not \"{result.GetValueOrDefault<string>()}\".");
            }
        });
        var name = new Option<string>("--name") { Description = "Short app name shown in Teams (30 characters at most).", DefaultValueFactory = _ => "CcsviBot" };
        var endpointHost = new Option<string?>("--endpoint-host") { Description = "Host name of the bot's messaging endpoint (https://<host>/api/messages); sets the website, privacy (/privacy) and terms (/terms) URLs and validDomains. Required unless --allow-placeholder-urls." };
        var allowPlaceholders = new Option<bool>("--allow-placeholder-urls") { Description = "Without --endpoint-host: build a trial package whose website, privacy and terms links are placeholders." };
        var version = new Option<string>("--version") { Description = "App package version (major.minor.patch); raise it for each upload.", DefaultValueFactory = _ => "1.0.0" };
        var output = new Option<string>("--out") { Description = "Zip file to write.", DefaultValueFactory = _ => "artifacts/ccsvibot-teams.zip" };

        var package = new Command("package", "Build the Teams app package (manifest.json, color.png, outline.png) to upload in Teams.")
        {
            appId, name, endpointHost, allowPlaceholders, version, output,
        };
        package.SetAction(parsed =>
        {
            var settings = new TeamsAppPackageSettings(
                Guid.Parse(parsed.GetValue(appId)!),
                parsed.GetValue(name)!,
                parsed.GetValue(endpointHost),
                parsed.GetValue(version)!,
                parsed.GetValue(allowPlaceholders));
            var problems = settings.Validate().ToList();
            if (problems.Count > 0)
            {
                throw new CliUsageException(string.Join(Environment.NewLine + "error: ", problems));
            }

            var file = new FileInfo(Path.Combine(console.WorkingDirectory, parsed.GetValue(output)!));
            file.Directory?.Create();
            // Written next to the target first, so a failure never leaves a half-written package under the real name.
            var temporary = file.FullName + ".partial";
            using (var stream = File.Create(temporary))
            {
                TeamsAppPackage.Write(settings, stream);
            }

            File.Move(temporary, file.FullName, overwrite: true);
            console.Out.WriteLine($"Wrote {file.FullName} (manifest {TeamsAppPackage.ManifestVersion}, app id {settings.AppId:D}).");
            console.Out.WriteLine("Upload it in Teams: Apps > Manage your apps > Upload an app (see docs/teams.md).");
            return ExitCodes.Ok;
        });

        return new Command("teams", "Microsoft Teams tools.") { package };
    }
}
