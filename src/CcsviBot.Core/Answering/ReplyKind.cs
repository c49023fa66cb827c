namespace CcsviBot.Core.Answering;

/// <summary>The five things the bot can decide to do with a message.</summary>
public enum ReplyKind
{
    /// <summary>The message signals an emergency or crisis: the safety reply replaces any FAQ answer.</summary>
    Urgent,
    /// <summary>Greeting, thanks, help or goodbye.</summary>
    SmallTalk,
    /// <summary>One entry clearly answers the question.</summary>
    Answer,
    /// <summary>Several entries could fit; ask which one was meant.</summary>
    Clarify,
    /// <summary>No good answer: say so plainly.</summary>
    None,
}
