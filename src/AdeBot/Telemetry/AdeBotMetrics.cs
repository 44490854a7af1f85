using System.Diagnostics;
using System.Diagnostics.Metrics;
using AdeBot.Access;
using AdeBot.Connector;
using AdeBot.Domain.Inbox;
using AdeBot.Inventory;
using static AdeBot.Telemetry.AdeBotTelemetry;

namespace AdeBot.Telemetry;

/// AdeBot's own instruments, on one Meter named "AdeBot" (docs/operations.md says what each means).
/// Tags are bounded: activity types, intents, outcomes, configured tenants; never a user or a conversation.
public sealed class AdeBotMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _alertsPlanned;
    private readonly Counter<long> _alertsSent;
    private readonly Counter<long> _alertsFailed;
    private readonly Counter<long> _subscriptionsRemoved;
    private readonly Histogram<double> _alertCheckDuration;
    private readonly Counter<long> _graphRequests;
    private readonly Histogram<double> _graphDuration;
    private readonly Counter<long> _connectorSends;
    private readonly Counter<long> _connectorRetries;
    private readonly Counter<long> _accessRefusals;
    private readonly IInboxStore _inbox;
    private readonly TimeProvider _time;
    private readonly Lock _inboxGate = new();
    private (DateTimeOffset At, InboxDepth Depth)? _inboxSample;

    /// Observable gauges are read on every collection (a scrape, an OTLP export); the store is asked
    /// at most this often.
    private static readonly TimeSpan InboxSampleFor = TimeSpan.FromSeconds(5);

    public AdeBotMetrics(IMeterFactory meters, IInboxStore inbox, TimeProvider time)
    {
        _inbox = inbox;
        _time = time;
        _meter = meters.Create(new MeterOptions(Name) { Version = AdeBotTelemetry.Version });
        _turns = _meter.CreateCounter<long>("adebot.turns", "{turn}", "Turns handled, by activity type, intent and outcome.");
        _turnDuration = _meter.CreateHistogram<double>("adebot.turn.duration", "s", "From the start of a turn's handling to its last reply.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60] });
        _alertsPlanned = _meter.CreateCounter<long>("adebot.alerts.planned", "{alert}", "Alert messages an alert check decided to send.");
        _alertsSent = _meter.CreateCounter<long>("adebot.alerts.sent", "{alert}", "Alert messages the Bot Connector accepted.");
        _alertsFailed = _meter.CreateCounter<long>("adebot.alerts.failed", "{alert}", "Alert messages not delivered; planned again at the next check.");
        _subscriptionsRemoved = _meter.CreateCounter<long>("adebot.alerts.removed", "{conversation}", "Subscriptions removed because Teams said the bot or conversation is gone.");
        _alertCheckDuration = _meter.CreateHistogram<double>("adebot.alert.check.duration", "s", "How long one alert check of every tenant took.");
        _graphRequests = _meter.CreateCounter<long>("adebot.graph.requests", "{request}", "Microsoft Graph HTTP requests (each retry counts), by tenant and outcome.");
        _graphDuration = _meter.CreateHistogram<double>("adebot.graph.request.duration", "s", "Duration of one Microsoft Graph HTTP request.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30] });
        _connectorSends = _meter.CreateCounter<long>("adebot.connector.sends", "{call}", "Bot Connector calls (replies, proactive sends), by operation and status.");
        _connectorRetries = _meter.CreateCounter<long>("adebot.connector.retries", "{retry}", "Bot Connector calls retried after 429, 412 or 5xx.");
        _accessRefusals = _meter.CreateCounter<long>("adebot.access.refusals", "{refusal}", "Conversations refused by the access rules, by reason.");
        _meter.CreateObservableGauge("adebot.inbox.depth", () => InboxNow().Unfinished, "{entry}", "Inbox entries accepted and not finished (waiting or running).");
        _meter.CreateObservableGauge("adebot.inbox.oldest_age", () => InboxNow().OldestAgeSeconds(_time.GetUtcNow()), "s",
            "Age of the oldest unfinished inbox entry; 0 when the inbox is empty.");
    }

    public void TurnCompleted(string activityType, string intent, string outcome, TimeSpan duration)
    {
        TagList tags = new() { { Tags.ActivityType, activityType }, { Tags.Intent, intent }, { Tags.Outcome, outcome } };
        _turns.Add(1, tags);
        _turnDuration.Record(duration.TotalSeconds, tags);
    }

    public void AlertPlanned() => _alertsPlanned.Add(1);

    public void AlertSent() => _alertsSent.Add(1);

    public void AlertFailed(string reason) => _alertsFailed.Add(1, new KeyValuePair<string, object?>("adebot.alert.failure", reason));

    public void SubscriptionRemoved() => _subscriptionsRemoved.Add(1);

    public void AlertCheckCompleted(TimeSpan duration) => _alertCheckDuration.Record(duration.TotalSeconds);

    public void GraphRequest(string tenantId, GraphRequestOutcome outcome, TimeSpan duration)
    {
        TagList tags = new() { { Tags.TenantId, tenantId }, { Tags.GraphOutcome, OutcomeName(outcome) } };
        _graphRequests.Add(1, tags);
        _graphDuration.Record(duration.TotalSeconds, tags);
    }

    public void ConnectorCall(string operation, ConnectorStatus status) =>
        _connectorSends.Add(1, new TagList { { Tags.ConnectorOperation, operation }, { Tags.ConnectorStatus, status.ToString() } });

    public void ConnectorRetry(string operation, int httpStatus) =>
        _connectorRetries.Add(1, new TagList { { Tags.ConnectorOperation, operation }, { Tags.HttpStatus, httpStatus } });

    public void AccessRefused(AccessReason reason) => _accessRefusals.Add(1, new KeyValuePair<string, object?>(Tags.AccessReason, reason.ToString()));

    public static string OutcomeName(GraphRequestOutcome outcome) => outcome switch
    {
        GraphRequestOutcome.Ok => "ok",
        GraphRequestOutcome.Throttled => "throttled",
        GraphRequestOutcome.Forbidden => "forbidden",
        _ => "failed",
    };

    private InboxDepth InboxNow()
    {
        var now = _time.GetUtcNow();
        lock (_inboxGate)
        {
            if (_inboxSample is { } sample && now - sample.At < InboxSampleFor) return sample.Depth;
        }
        InboxDepth depth;
        try
        {
            // The SQLite provider completes synchronously, and a collection callback cannot await.
            depth = _inbox.MeasureAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // A store that cannot answer shows in /readyz and in the logs; the gauge keeps its last value.
            lock (_inboxGate) return _inboxSample?.Depth ?? InboxDepth.Empty;
        }
        lock (_inboxGate) _inboxSample = (now, depth);
        return depth;
    }

    public void Dispose() => _meter.Dispose();
}
