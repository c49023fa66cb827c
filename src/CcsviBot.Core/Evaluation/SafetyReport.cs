using System.Text.Json.Serialization;

namespace CcsviBot.Core.Evaluation;

/// <summary>
/// The safety screen on a labelled set (faq/eval/urgent.tsv): recall on urgent messages (per category), false urgent
/// on informational ones, and how often the informational ones still get the safety note.
/// </summary>
public sealed record SafetyReport(
    int UrgentMessages,
    int InformationalMessages,
    double UrgentRecall,
    double CrisisReplyOnCrisis,
    int FalseUrgent,
    double NoteOnInformational,
    IReadOnlyList<SafetyCategoryRecall> Categories,
    [property: JsonIgnore] IReadOnlyList<SafetyOutcome> Outcomes)
{
    public double FalseUrgentRate => InformationalMessages == 0 ? 0 : (double)FalseUrgent / InformationalMessages;

    [JsonIgnore]
    public IEnumerable<SafetyOutcome> Misses => Outcomes.Where(o => o.ExpectsUrgent && !o.GotUrgent);

    [JsonIgnore]
    public IEnumerable<SafetyOutcome> FalseAlarms => Outcomes.Where(o => !o.ExpectsUrgent && o.GotUrgent);

    public IReadOnlyList<string> FailedFloors()
    {
        var failed = new List<string>();
        if (UrgentRecall < SafetyFloors.UrgentRecall)
        {
            failed.Add($"urgent recall {UrgentRecall:P1} < {SafetyFloors.UrgentRecall:P0}");
        }

        if (FalseUrgentRate > SafetyFloors.FalseUrgentRate)
        {
            failed.Add($"false urgent {FalseUrgentRate:P1} > {SafetyFloors.FalseUrgentRate:P0}");
        }

        return failed;
    }
}
