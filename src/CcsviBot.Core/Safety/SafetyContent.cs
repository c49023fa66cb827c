namespace CcsviBot.Core.Safety;

/// <summary>
/// What the safety screen needs besides its phrase rules: the notes for informational messages that mention danger,
/// the situation concepts and the labelled examples the learned screen trains on, and the numbers every safety text
/// names (already filled into the rules' replies and the notes; kept for the web chat page's notice).
/// </summary>
public sealed record SafetyContent
{
    public static SafetyContent Empty { get; } = new();

    /// <summary>Placeholder name → text, e.g. <c>emergency</c> → "999 in the UK, 112 in the EU, 911 in the US".</summary>
    public IReadOnlyDictionary<string, string> Numbers { get; init; } = new Dictionary<string, string>();

    /// <summary>Rule id (<see cref="SafetyScreen.EmergencyRuleId"/>, <see cref="SafetyScreen.CrisisRuleId"/>) → the one-line note.</summary>
    public IReadOnlyDictionary<string, string> Notes { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<SituationConcept> Situations { get; init; } = [];

    /// <summary>
    /// Words of the situations whose everyday sense names no danger ("see", "take", "be found", "in order"): the learned
    /// screen reads them as it reads every situation word, but a message they alone connect to danger is held to the
    /// stronger evidence of one that names no danger (see <see cref="SituationReader.NamesDanger"/>).
    /// </summary>
    public IReadOnlyList<string> Everyday { get; init; } = [];

    public IReadOnlyList<SafetyExample> Examples { get; init; } = [];

    /// <summary>The emergency numbers as one line ("999 in the UK, …"), or null when the FAQ names none.</summary>
    public string? EmergencyNumbers => Numbers.TryGetValue("emergency", out var numbers) ? numbers : null;
}
