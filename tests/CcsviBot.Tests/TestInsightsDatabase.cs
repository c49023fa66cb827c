namespace CcsviBot.Tests;

/// <summary>
/// Every test host records its analytics to a database of its own under the temp folder, so that tests never write
/// into the repository's data/ folder nor share a file with a host running in parallel.
/// </summary>
public static class TestInsightsDatabase
{
    public const string SettingKey = "Insights:ConnectionString";

    public static string NewConnectionString()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ccsvibot-tests"));
        return $"Data Source={Path.Combine(folder.FullName, $"insights-{Guid.NewGuid():N}.db")}";
    }
}
