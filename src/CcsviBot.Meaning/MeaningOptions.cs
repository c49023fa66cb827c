namespace CcsviBot.Meaning;

/// <summary>Settings of the meaning model (appsettings.json section <c>Meaning</c>), shared by the bot and the command line.</summary>
public sealed class MeaningOptions
{
    public const string SectionName = "Meaning";

    /// <summary>
    /// Whether answers get a second opinion from the meaning model. Off, the bot starts faster and needs about 400 MiB
    /// less memory, and answers by its word-based ranking alone (more confidently wrong answers on real questions).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Where the phrasings' vectors are kept between runs (relative to appsettings.json's folder): the first start embeds
    /// every phrasing, later starts and reloads only new ones.
    /// </summary>
    public string VectorFolder { get; set; } = "data/vectors";

    public const int DefaultCachedQuestions = 4096;

    /// <summary>
    /// How many recent questions' vectors are kept (about 1.6 KB each): a question asked again is not run through the
    /// model again. 0 keeps none (to measure the model's cost under load).
    /// </summary>
    public int CachedQuestions { get; set; } = DefaultCachedQuestions;

    /// <summary>What is wrong with these settings, one message per problem; none when they are valid.</summary>
    public static IEnumerable<string> Problems(MeaningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Enabled && string.IsNullOrWhiteSpace(options.VectorFolder))
        {
            yield return $"{SectionName}:VectorFolder must name a folder when the meaning model is enabled.";
        }

        if (options.CachedQuestions is < 0 or > 1_000_000)
        {
            yield return $"{SectionName}:CachedQuestions must be between 0 and 1000000 (is {options.CachedQuestions}).";
        }
    }
}
