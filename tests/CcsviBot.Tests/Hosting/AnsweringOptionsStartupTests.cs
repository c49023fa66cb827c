namespace CcsviBot.Tests.Hosting;

/// <summary>The answering and meaning settings are checked when the bot starts, by the same rules as the command line.</summary>
public sealed class AnsweringOptionsStartupTests
{
    [Theory]
    [InlineData("Answering:SecondOpinionBelow", "1.5", "Answering:SecondOpinionBelow must be between 0 and 1")]
    [InlineData("Answering:MeaningWeight", "-2", "Answering:MeaningWeight must be between 0 and 100")]
    [InlineData("Meaning:CachedQuestions", "-1", "Meaning:CachedQuestions must be between 0 and 1000000")]
    [InlineData("Meaning:VectorFolder", " ", "Meaning:VectorFolder must name a folder")]
    public async Task A_bad_setting_stops_start_up_with_a_message_naming_it(string key, string value, string message)
    {
        var error = await StartupRefusal.OfAsync((services, configuration) => services.AddAnswering(configuration), new() { [key] = value });

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
