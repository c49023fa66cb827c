using System.Text.Json.Nodes;
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
    public async Task WelcomeAsync(DirectLineConversation conversation, string serviceUrl)
    {
        var user = new ChannelAccount { Id = conversation.UserId, Role = "user" };
        var update = new Activity
        {
            Type = "conversationUpdate",
            Id = $"{conversation.Id}|start",
            Timestamp = time.GetUtcNow(),
            ChannelId = ChannelId,
            ServiceUrl = serviceUrl,
            From = user,
            Recipient = BotAccount,
            Conversation = new ConversationAccount { Id = conversation.Id },
            MembersAdded = [user],
        };

        // Not in the transcript: Azure never shows conversationUpdate to clients either.
        await RunTurnAsync(conversation, update).ConfigureAwait(false);
    }

    /// <summary>
    /// Stamps and appends the visitor's activity (the echo Web Chat waits for, channelData intact), then runs the turn.
    /// Returns the id the activity got.
    /// </summary>
    public async Task<string> ReceiveAsync(DirectLineConversation conversation, Activity activity, string serviceUrl)
    {
        activity.ChannelId = activity.ChannelId == WebChatChannelId ? WebChatChannelId : ChannelId;
        activity.ServiceUrl = serviceUrl;
        activity.From = new ChannelAccount { Id = conversation.UserId, Name = activity.From?.Name, Role = "user" };
        activity.Recipient = BotAccount;
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        activity.ReplyToId = null;
        conversation.Append(activity, time.GetUtcNow());

        if (activity.Type == "message" && activity.Text is { } text && text.Length > _options.MaxMessageLength)
        {
            AppendReply(conversation, activity, TooLongReply(activity));
            return activity.Id!;
        }

        await RunTurnAsync(conversation, activity).ConfigureAwait(false);
        return activity.Id!;
    }

    private async Task RunTurnAsync(DirectLineConversation conversation, Activity activity)
    {
        // The visitor's request may be gone (tab closed) while the answer is still wanted in the transcript.
        var result = await turnHandler.HandleAsync(activity, lifetime.ApplicationStopping).ConfigureAwait(false);
        foreach (var reply in result.Replies)
        {
            AppendReply(conversation, activity, reply);
        }
    }

    private void AppendReply(DirectLineConversation conversation, Activity incoming, Activity reply)
    {
        reply.ChannelId = incoming.ChannelId;
        reply.ServiceUrl = null;
        reply.Conversation = new ConversationAccount { Id = conversation.Id };
        reply.From = new ChannelAccount { Id = _options.BotId, Name = reply.From?.Name ?? _options.BotName, Role = "bot" };
        reply.Recipient = new ChannelAccount { Id = conversation.UserId, Role = "user" };
        if (incoming.Type != "conversationUpdate")
        {
            // Web Chat holds a reply until the activity it answers is shown: it must name the echoed id.
            reply.ReplyToId ??= incoming.Id;
        }

        conversation.Append(reply, time.GetUtcNow());
        logger.LogDebug("Direct Line {ConversationId}: bot {Type} {Id}", conversation.Id, reply.Type, reply.Id);
    }

    private Activity TooLongReply(Activity incoming) => new()
    {
        Type = "message",
        TextFormat = "plain",
        Locale = incoming.Locale,
        Text = $"Sorry, that message is too long for me ({incoming.Text!.Length:N0} characters). "
            + $"Please ask one question in at most {_options.MaxMessageLength:N0} characters.",
        ChannelData = new JsonObject(),
    };
}
