using CcsviBot.Core.Answering;
using CcsviBot.Insights;
using CcsviBot.Protocol;

namespace CcsviBot.Turns;

/// <summary>
/// The turn pipeline: a message becomes the engine's decision (or the action its button value asks for), a
/// conversationUpdate adding someone other than the bot becomes a welcome, an invoke goes to its registered handler.
/// Each turn reads the knowledge base snapshot once and finishes on it.
/// </summary>
public sealed partial class TurnHandler : ITurnHandler
{
    public const string WelcomeMessage =
        "Hello! I'm CcsviBot. I answer common questions about CCSVI (chronic cerebrospinal venous insufficiency), " +
        "the disputed theory linking narrowed neck and spine veins to multiple sclerosis, with curated passages and their sources. " +
        "I can't give personal medical advice. Here are some questions to start with:";

    public const string FeedbackThanks = "Thank you for your feedback. It helps the maintainers improve the answers.";

    public const string NoneOfTheseMessage =
        "Sorry that none of those fit. Please try asking again in other words, or ask about one aspect at a time.";

    public const string UnknownEntryMessage =
        "That question is no longer in the FAQ. Please ask it again in your own words.";

    public const string ErrorMessage = "Sorry, something went wrong on my side. Please try again in a moment.";

    private const string TeamsChannelId = "msteams";

    private readonly IKnowledgeBaseProvider knowledgeBases;
    private readonly Dictionary<string, IInvokeHandler> invokeHandlers;
    private readonly ReplyRendererSelector renderers;
    private readonly IInsightsRecorder insights;
    private readonly TimeProvider time;
    private readonly ILogger<TurnHandler> logger;
    private readonly BotMetrics? metrics;

    public TurnHandler(
        IKnowledgeBaseProvider knowledgeBases,
        IEnumerable<IInvokeHandler> invokeHandlers,
        ReplyRendererSelector renderers,
        IInsightsRecorder insights,
        TimeProvider time,
        ILogger<TurnHandler> logger,
        BotMetrics? metrics = null)
    {
        this.metrics = metrics;
        this.knowledgeBases = knowledgeBases;
        // Two handlers for one name would make dispatch depend on registration order: fail at start-up instead.
        this.invokeHandlers = invokeHandlers.ToDictionary(handler => handler.Name, StringComparer.Ordinal);
        this.renderers = renderers;
        this.insights = insights;
        this.time = time;
        this.logger = logger;
    }

    public async Task<TurnResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Is(ActivityTypes.Message))
        {
            return Respond(activity, knowledgeBase => DecideMessage(activity, knowledgeBase));
        }

        if (activity.Is(ActivityTypes.ConversationUpdate))
        {
            return DeservesWelcome(activity) ? Respond(activity, Welcome) : TurnResult.Empty;
        }

        if (activity.Is(ActivityTypes.Invoke))
        {
            return new TurnResult([], await InvokeAsync(activity, cancellationToken));
        }

        return TurnResult.Empty;
    }

    /// <summary>
    /// Someone other than the bot joined; or, in Teams, the bot itself was added: installing the app sends only the bot
    /// in membersAdded, and that is the one chance to greet. Other channels (Azure Direct Line) announce the bot on its
    /// own before the user, so greeting the bot there would welcome twice.
    /// </summary>
    private static bool DeservesWelcome(Activity activity)
    {
        var added = activity.MembersAdded?.Where(member => member.Id is not null).ToList() ?? [];
        var botAdded = added.Any(member => member.Id == activity.Recipient?.Id);
        return added.Count > (botAdded ? 1 : 0) || (botAdded && activity.ChannelId == TeamsChannelId);
    }

    private async Task<InvokeResponse> InvokeAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Name is null || !invokeHandlers.TryGetValue(activity.Name, out var handler))
        {
            LogUnknownInvoke(activity.Name);
            return new InvokeResponse(StatusCodes.Status501NotImplemented, null);
        }

        return await handler.HandleAsync(activity, cancellationToken);
    }

    /// <summary>Decides, renders and addresses one reply; a failure anywhere still yields a reply with the disclaimer.</summary>
    private TurnResult Respond(Activity activity, Func<KnowledgeBase, Reply> decide)
    {
        var knowledgeBase = knowledgeBases.Current;
        Reply reply;
        try
        {
            reply = decide(knowledgeBase);
        }
        catch (Exception exception)
        {
            LogTurnFailed(exception, activity.Type, activity.Conversation?.Id, activity.Id);
            reply = Fixed(ReplyKind.None, ErrorMessage, knowledgeBase);
        }

        var outgoing = activity.CreateReply();
        renderers.For(activity.ChannelId).Render(reply, outgoing);
        return new TurnResult([outgoing]);
    }

    private Reply DecideMessage(Activity activity, KnowledgeBase knowledgeBase)
    {
        var channel = activity.ChannelId ?? "unknown";
        switch (ActionValues.Parse(activity.Value))
        {
            case ActionValue.Feedback feedback:
                // Only an entry the FAQ has is recorded: the id comes from the client and ends up in the maintainers' report.
                if (knowledgeBase.Content.Find(feedback.EntryId) is { } rated)
                {
                    insights.RecordFeedback(new FeedbackRecord(time.GetUtcNow(), channel, rated.Id, feedback.Kind));
                }
                else
                {
                    LogUnknownFeedback(feedback.EntryId.Length);
                }

                return Fixed(ReplyKind.SmallTalk, FeedbackThanks, knowledgeBase);

            case ActionValue.NoneOfThese:
                return Fixed(ReplyKind.None, NoneOfTheseMessage, knowledgeBase) with { Suggestions = knowledgeBase.Engine.StarterQuestions };

            case ActionValue.PickEntry pick:
                var picked = knowledgeBase.Engine.AnswerEntry(pick.EntryId);
                if (picked is null)
                {
                    return Fixed(ReplyKind.None, UnknownEntryMessage, knowledgeBase);
                }

                Record(activity, channel, picked.Entry?.Question ?? pick.EntryId, picked);
                return picked;

            default:
                var question = activity.TextWithoutRecipientMention();
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var reply = knowledgeBase.Engine.Ask(question);
                metrics?.RecordTurn(channel, reply.Kind, reply.Confidence, System.Diagnostics.Stopwatch.GetElapsedTime(started));
                Record(activity, channel, question, reply);
                return reply;
        }
    }

    // The conversation id and a clarification's choices only link it to the entry then chosen (suggested alternates); neither is stored.
    private void Record(Activity activity, string channel, string question, Reply reply) =>
        insights.RecordTurn(new TurnRecord(time.GetUtcNow(), channel, question, reply.Kind, reply.Entry?.Id, reply.Confidence, activity.Conversation?.Id,
            reply.Kind == ReplyKind.Clarify ? [.. reply.Candidates.Select(candidate => candidate.Id)] : null));

    private Reply Welcome(KnowledgeBase knowledgeBase) =>
        Fixed(ReplyKind.SmallTalk, WelcomeMessage, knowledgeBase) with { Suggestions = knowledgeBase.Engine.StarterQuestions };

    private static Reply Fixed(ReplyKind kind, string message, KnowledgeBase knowledgeBase) =>
        new() { Kind = kind, Message = message, Disclaimer = knowledgeBase.Content.Disclaimer };


    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback for an entry id the FAQ does not have ({Length} characters) was not recorded")]
    private partial void LogUnknownFeedback(int length);

    [LoggerMessage(Level = LogLevel.Information, Message = "No handler for invoke {InvokeName}: answering 501")]
    private partial void LogUnknownInvoke(string? invokeName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed for {ActivityType} in conversation {ConversationId}, activity {ActivityId}")]
    private partial void LogTurnFailed(Exception exception, string? activityType, string? conversationId, string? activityId);
}
