using CcsviBot.Core.Answering;
using CcsviBot.Core.Faq;
using CcsviBot.Protocol;
using CcsviBot.Turns;
using Microsoft.Extensions.Options;

namespace CcsviBot.Channels.DirectLine;

/// <summary>
/// The bot-facing half of the self-hosted Direct Line: gives each user activity its transcript id, runs it through
/// the same <see cref="ITurnHandler"/> as <c>/api/messages</c> under that id, and appends the replies.
/// </summary>
internal sealed class DirectLineBot(
    ITurnHandler turnHandler,
    ReplyRendererSelector renderers,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineBot> logger)
{
    /// <summary>What Azure Direct Line stamps on activities from its own clients; Web Chat says "webchat" itself.</summary>
    public const string ChannelId = "directline";
    private const string WebChatChannelId = "webchat";

    private readonly DirectLineOptions _options = options.Value;

    public ChannelAccount BotAccount => new() { Id = _options.BotId, Name = _options.BotName, Role = "bot" };

    /// <summary>
    /// Web Chat 4.18 sends no conversationUpdate of its own, so the bot learns of the visitor here, when the
    /// conversation starts, and its welcome is in the transcript before the page even connects.
    /// </summary>
    public async Task WelcomeAsync(IDirectLineConversation conversation, string serviceUrl, CancellationToken cancellationToken)
    {
        var user = new ChannelAccount { Id = conversation.UserId, Role = "user" };
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = $"{conversation.Id}|start",
            Timestamp = time.GetUtcNow(),
            ChannelId = ChannelId,
            ServiceUrl = serviceUrl,
            From = user,
            Recipient = BotAccount,
            Conversation = new ConversationAccount { Id = conversation.Id },
            MembersAdded = [user],
        };

        // Not in the transcript: Azure never shows conversationUpdate to clients either. A failed welcome is logged
        // and the conversation goes on: the visitor can still ask.
        await RunTurnAsync(conversation, update, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Room kept in the byte budget for the replies to a visitor's activity, so that replies are never refused.</summary>
    public const int ReplyReserve = 64 * 1024;

    /// <summary>
    /// Stamps the visitor's activity and appends what Direct Line needs of it (the echo Web Chat waits for), then runs
    /// the turn with the whole activity. Returns the id the activity got and whether the bot failed to handle it, or
    /// the reason the transcript refused it (nothing is run then).
    /// </summary>
    public async Task<(string? Id, bool BotFailed, AppendOutcome Outcome)> ReceiveAsync(IDirectLineConversation conversation, Activity activity, string serviceUrl, CancellationToken cancellationToken)
    {
        activity.ChannelId = activity.ChannelId == WebChatChannelId ? WebChatChannelId : ChannelId;
        activity.ServiceUrl = serviceUrl;
        activity.From = new ChannelAccount { Id = conversation.UserId, Name = activity.From?.Name, Role = "user" };
        activity.Recipient = BotAccount;
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        activity.ReplyToId = null;
        var echo = Echo(activity);
        var outcome = await conversation.TryAppendAsync(echo, time.GetUtcNow(), ReplyReserve, cancellationToken).ConfigureAwait(false);
        if (outcome != AppendOutcome.Appended)
        {
            return (null, false, outcome);
        }

        activity.Id = echo.Id;
        activity.Timestamp = echo.Timestamp;

        // Over-long questions are the answer engine's to refuse politely (Answering:MaxQuestionLength), like on every channel.
        // Once the visitor's activity is acknowledged its replies must reach the transcript, tab closed or not.
        var handled = await RunTurnAsync(conversation, activity, CancellationToken.None).ConfigureAwait(false);
        return (activity.Id, !handled, outcome);
    }

    /// <summary>
    /// What the transcript keeps of a visitor's activity: what Web Chat shows and matches its echo by (text, sender,
    /// timestamps, <c>channelData.clientActivityID</c>), not the rest. A posted activity may be 256 KB of small JSON
    /// properties, which as a parsed tree costs many times that; the bot sees it all, the transcript does not keep it.
    /// </summary>
    private static Activity Echo(Activity activity) => new()
    {
        Type = activity.Type,
        ChannelId = activity.ChannelId,
        From = activity.From,
        Recipient = activity.Recipient,
        Conversation = activity.Conversation,
        LocalTimestamp = activity.LocalTimestamp,
        LocalTimezone = Short(activity.LocalTimezone),
        Locale = Short(activity.Locale),
        TextFormat = Short(activity.TextFormat),
        Text = activity.Text,
        Name = Short(activity.Name),
        ChannelData = EchoChannelData(activity.ChannelData),
    };

    private static System.Text.Json.Nodes.JsonObject? EchoChannelData(System.Text.Json.Nodes.JsonObject? channelData)
    {
        var kept = new System.Text.Json.Nodes.JsonObject();
        foreach (var name in (string[])["clientActivityID", "clientTimestamp"])
        {
            if (channelData?.GetString(name) is { Length: <= 128 } value)
            {
                kept[name] = value;
            }
        }

        return kept.Count == 0 ? null : kept;
    }

    private static string? Short(string? value) => value is { Length: > 128 } ? null : value;

    /// <summary>Runs one turn and appends its replies; false when the pipeline threw (logged, never passed to the client).</summary>
    private async Task<bool> RunTurnAsync(IDirectLineConversation conversation, Activity activity, CancellationToken cancellationToken)
    {
        TurnResult result;
        try
        {
            // The visitor's request may be gone (tab closed) while the answer is still wanted in the transcript.
            result = await turnHandler.HandleAsync(activity, lifetime.ApplicationStopping).ConfigureAwait(false);
        }
        catch (KnowledgeBaseUnavailableException unavailable)
        {
            // Starting up, or the FAQ failed to load: the visitor's message is already in the transcript, so it gets a
            // reply that says so rather than an error status the page can only show as a failed send.
            logger.LogWarning("Direct Line {ConversationId}: no FAQ to answer {Type} {Id} from: {Reason}", conversation.Id, activity.Type, activity.Id, unavailable.Message);
            result = activity.Is(ActivityTypes.Message) ? new TurnResult([NotReadyReply(activity)]) : TurnResult.Empty;
        }
        catch (Exception exception) when (!lifetime.ApplicationStopping.IsCancellationRequested)
        {
            logger.LogError(exception, "Direct Line {ConversationId}: the turn for {Type} {Id} failed", conversation.Id, activity.Type, activity.Id);
            return false;
        }

        foreach (var reply in result.Replies)
        {
            await AppendReplyAsync(conversation, activity, reply, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    public const string NotReadyText = "Sorry, I'm still starting up and can't answer yet. Please ask again in a moment.";

    /// <summary>Rendered like every reply, with the disclaimer (the built-in one: there is no FAQ to take it from).</summary>
    private Activity NotReadyReply(Activity activity)
    {
        var outgoing = activity.CreateReply();
        renderers.For(activity.ChannelId).Render(new Reply { Kind = ReplyKind.None, Message = NotReadyText, Disclaimer = FaqLoader.DefaultDisclaimer }, outgoing);
        return outgoing;
    }

    private async Task AppendReplyAsync(IDirectLineConversation conversation, Activity incoming, Activity reply, CancellationToken cancellationToken)
    {
        reply.ChannelId = incoming.ChannelId;
        reply.ServiceUrl = null;
        reply.Conversation = new ConversationAccount { Id = conversation.Id };
        reply.From = new ChannelAccount { Id = _options.BotId, Name = reply.From?.Name ?? _options.BotName, Role = "bot" };
        reply.Recipient = new ChannelAccount { Id = conversation.UserId, Role = "user" };
        if (!incoming.Is(ActivityTypes.ConversationUpdate))
        {
            // Web Chat holds a reply until the activity it answers is shown: it must name the echoed id.
            reply.ReplyToId ??= incoming.Id;
        }

        await conversation.AppendAsync(reply, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        logger.LogDebug("Direct Line {ConversationId}: bot {Type} {Id}", conversation.Id, reply.Type, reply.Id);
    }
}
