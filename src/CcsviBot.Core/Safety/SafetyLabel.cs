namespace CcsviBot.Core.Safety;

/// <summary>What a message is, for the safety screen. The order is the learned model's class order.</summary>
public enum SafetyLabel
{
    /// <summary>Something dangerous is happening now, to the writer or someone with them: emergency number at once.</summary>
    Emergency,
    /// <summary>Thoughts, plans or means of suicide or self-harm: the crisis reply with the listening services.</summary>
    Crisis,
    /// <summary>A question or story that uses the same alarming words but is not happening now: answer, plus the note.</summary>
    Info,
    /// <summary>An ordinary message with no danger in it.</summary>
    Ordinary,
}
