namespace CcsviBot.Core.Meaning;

/// <summary>Where a snapshot's second opinion from meaning stands (<c>KnowledgeBase.MeaningState</c>).</summary>
public enum MeaningState
{
    /// <summary>No meaning model: the engine answers by its words alone.</summary>
    Off,

    /// <summary>The phrasings' vectors are being built; until then the engine answers by its words.</summary>
    Building,

    /// <summary>Answers take the second opinion.</summary>
    Ready,

    /// <summary>The vectors could not be built; the engine answers by its words alone.</summary>
    Failed,
}
