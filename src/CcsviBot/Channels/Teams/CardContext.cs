namespace CcsviBot.Channels.Teams;

/// <summary>What a card shows besides the reply itself.</summary>
/// <param name="FallbackText">The full reply as Markdown, for clients that cannot render the card.</param>
/// <param name="StaffDetail">Show entry id, confidence, review date and "Report outdated" (support-staff tenants only).</param>
/// <param name="Interactive">
/// False for a card a user inserts into a conversation from the search extension: no feedback buttons, because they
/// would be pressed by people who did not ask, possibly in a conversation the bot is not part of.
/// </param>
public sealed record CardContext(string FallbackText, bool StaffDetail = false, bool Interactive = true);
