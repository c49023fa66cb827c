using System.Diagnostics;
using System.Diagnostics.Metrics;
using CcsviBot.Channels.DirectLine;
using CcsviBot.Core.Answering;
using CcsviBot.Insights;
using CcsviBot.Maintenance;

namespace CcsviBot;

/// <summary>Whether the bot's metrics are exported, and where (section <c>Metrics</c>).</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Serves the Prometheus scraping endpoint (and collects ASP.NET Core's request metrics with the bot's own).</summary>
    public bool Enabled { get; set; }

    [System.ComponentModel.DataAnnotations.RegularExpression("^/[A-Za-z0-9/_-]*$")]
    public string Path { get; set; } = "/metrics";
}

/// <summary>
/// The bot's own instruments (meter <see cref="MeterName"/>): turns by kind and channel, answer latency, answer
/// confidence, FAQ reloads, analytics records dropped, and the Direct Line conversations and bytes held. Exported with
/// OpenTelemetry when <see cref="MetricsOptions.Enabled"/>; recording costs next to nothing when nobody listens.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "CcsviBot";

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _answerDuration;
    private readonly Histogram<double> _confidence;

    public BotMetrics(IMeterFactory meters, IServiceProvider services)
    {
        var meter = meters.Create(MeterName);
        _turns = meter.CreateCounter<long>("ccsvibot.turns", unit: "{turn}", description: "Questions answered, by reply kind and channel.");
        _answerDuration = meter.CreateHistogram<double>("ccsvibot.answer.duration", unit: "s", description: "Time the answer engine took for one question.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });
        _confidence = meter.CreateHistogram<double>("ccsvibot.answer.confidence", description: "The engine's confidence in the reply it chose.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] });
        meter.CreateObservableCounter("ccsvibot.faq.reloads", () => Reloads(services), unit: "{reload}", description: "FAQ load attempts, by outcome.");
        meter.CreateObservableCounter("ccsvibot.insights.dropped", () => services.GetService<BackgroundInsightsRecorder>()?.Status.Dropped ?? 0,
            unit: "{record}", description: "Analytics records dropped because the queue was full.");
        meter.CreateObservableGauge("ccsvibot.directline.conversations", () => services.GetService<IDirectLineConversationStore>()?.Count ?? 0,
            unit: "{conversation}", description: "Live Direct Line conversations.");
        meter.CreateObservableGauge("ccsvibot.directline.bytes_held", () => services.GetService<IDirectLineConversationStore>()?.BytesHeld ?? 0,
            unit: "By", description: "Bytes held by Direct Line transcripts, as counted against DirectLine:MaxStoreBytes.");
    }

    /// <summary>One question answered: its kind, channel, confidence and how long the engine took.</summary>
    public void RecordTurn(string channel, ReplyKind kind, double confidence, TimeSpan duration)
    {
        var tags = new TagList { { "kind", kind.ToString() }, { "channel", channel } };
        _turns.Add(1, tags);
        _answerDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("kind", kind.ToString()));
        _confidence.Record(confidence, new KeyValuePair<string, object?>("kind", kind.ToString()));
    }

    private static IEnumerable<Measurement<long>> Reloads(IServiceProvider services)
    {
        if (services.GetService<FaqReloader>() is { } reloader)
        {
            yield return new(reloader.Published, new KeyValuePair<string, object?>("outcome", "published"));
            yield return new(reloader.Rejected, new KeyValuePair<string, object?>("outcome", "rejected"));
        }
    }
}
