namespace CcsviBot.Core.Answering;

/// <summary>Settings of the answer decision (appsettings.json section <c>Answering</c>).</summary>
public sealed class AnsweringOptions
{
    public const string SectionName = "Answering";

    /// <summary>
    /// Confidence at or above which the top entry is given as the answer. The calibration chose 0.5972 on the project's
    /// own questions; real visitors' questions near an entry's topic were answered wrongly at 0.64–0.72, and on the
    /// real questions' tuning part 0.73 is the highest threshold that gives up no right answer.
    /// </summary>
    public double AnswerThreshold { get; set; } = 0.73;

    /// <summary>Confidence at or above which candidates are offered ("Did you mean…"); below it the reply is "none".</summary>
    public double ClarifyThreshold { get; set; } = 0.2879;

    /// <summary>
    /// The learned safety screen's probability (emergency or crisis, over the whole message) at or above which a message
    /// gets the urgent reply. Chosen by the safety calibration for recall first.
    /// </summary>
    public double UrgentThreshold { get; set; } = 0.055;

    /// <summary>The probability of danger (urgent or informational) at or above which a reply carries the safety note.</summary>
    public double SafetyNoteThreshold { get; set; } = 0.073;

    /// <summary>
    /// With a meaning model (see <see cref="KnowledgeBaseFactory"/>), an answer below this confidence is given only when
    /// the ranking by meaning agrees on its entry; when it puts another entry first, the two are offered as a choice.
    /// Answers above it, and questions asked in an entry's own words, need no second opinion: on the real questions'
    /// tuning part, asking it of every answer (1) turned one more right answer into a choice and caught no wrong one.
    /// 0 turns the second opinion off.
    /// </summary>
    public double SecondOpinionBelow { get; set; } = 0.98;

    /// <summary>
    /// How much the meaning counts against the words in the second opinion: an entry's word-based score (about 0.5 to
    /// 2.5) plus this times the cosine between the question and the entry's nearest phrasing. On the real questions'
    /// tuning part, 24 is the highest weight that turns no right answer into a choice (27 turns one); higher weights
    /// doubt more answers, wrong ones first (docs/architecture.md, "A second opinion from meaning").
    /// </summary>
    public double MeaningWeight { get; set; } = 24;

    /// <summary>Longer messages get a polite limit reply instead of a search (the safety screen still runs).</summary>
    public int MaxQuestionLength { get; set; } = 2000;

    /// <summary>Entry ids offered as starter questions after small talk and "none"; the first entries when empty.</summary>
    public List<string> StarterQuestions { get; set; } = [];

    /// <summary>What is wrong with these settings, one message per problem; none when they are valid.</summary>
    public static IEnumerable<string> Problems(AnsweringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.AnswerThreshold is < 0 or > 1 || double.IsNaN(options.AnswerThreshold))
        {
            yield return $"{SectionName}:AnswerThreshold must be between 0 and 1 (is {options.AnswerThreshold}).";
        }

        if (options.ClarifyThreshold is < 0 or > 1 || double.IsNaN(options.ClarifyThreshold))
        {
            yield return $"{SectionName}:ClarifyThreshold must be between 0 and 1 (is {options.ClarifyThreshold}).";
        }

        if (options.ClarifyThreshold > options.AnswerThreshold)
        {
            yield return $"{SectionName}:ClarifyThreshold ({options.ClarifyThreshold}) must not exceed AnswerThreshold ({options.AnswerThreshold}).";
        }

        if (options.UrgentThreshold is <= 0 or > 1 || double.IsNaN(options.UrgentThreshold))
        {
            yield return $"{AnsweringOptions.SectionName}:UrgentThreshold must be above 0 and at most 1 (is {options.UrgentThreshold}).";
        }

        if (options.SafetyNoteThreshold is <= 0 or > 1 || double.IsNaN(options.SafetyNoteThreshold))
        {
            yield return $"{AnsweringOptions.SectionName}:SafetyNoteThreshold must be above 0 and at most 1 (is {options.SafetyNoteThreshold}).";
        }

        if (options.SecondOpinionBelow is < 0 or > 1 || double.IsNaN(options.SecondOpinionBelow))
        {
            yield return $"{SectionName}:SecondOpinionBelow must be between 0 and 1 (is {options.SecondOpinionBelow}).";
        }

        if (options.MeaningWeight is < 0 or > 100 || double.IsNaN(options.MeaningWeight))
        {
            yield return $"{SectionName}:MeaningWeight must be between 0 and 100 (is {options.MeaningWeight}).";
        }

        if (options.MaxQuestionLength is < 10 or > 100_000)
        {
            yield return $"{SectionName}:MaxQuestionLength must be between 10 and 100000 (is {options.MaxQuestionLength}).";
        }
    }
}
