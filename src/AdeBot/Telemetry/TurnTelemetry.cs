using System.Collections.Concurrent;
using System.Diagnostics;
using AdeBot.Audit;
using AdeBot.Connector;
using AdeBot.Teams;
using static AdeBot.Telemetry.AdeBotTelemetry;

namespace AdeBot.Telemetry;

/// Where an accepted turn came from: its id (given when the activity was accepted, so the accept
/// and the background turn log under one id) and the span of the request that delivered it.
public sealed record TurnOrigin(string TurnId, ActivityContext Context)
{
    public static TurnOrigin New() => new(ReferenceIds.New(), System.Diagnostics.Activity.Current?.Context ?? default);
}

/// Origins of inbox entries between their accept and their turn. In memory: after a restart a
/// picked-up entry simply starts a new trace under a new id.
public sealed class TurnOrigins
{
    private readonly ConcurrentDictionary<long, TurnOrigin> _byEntry = new();

    public void Remember(long entryId, TurnOrigin origin) => _byEntry[entryId] = origin;

    public TurnOrigin? Take(long entryId) => _byEntry.TryRemove(entryId, out var origin) ? origin : null;
}

/// Opens and closes the telemetry of one turn: its span (a child of the request that delivered it),
/// a log scope with the turn's id and hashes, and at its end the turn metrics, one log line and
/// the audit record.
public sealed partial class TurnTelemetry(AdeBotMetrics metrics, TurnAudit audit, TimeProvider time, ILogger<TurnTelemetry> logger)
{
    public ObservedTurn Begin(AdeBot.Connector.Activity activity, string activityType, TurnOrigin? origin = null)
    {
        origin ??= TurnOrigin.New();
        var tenantId = ConversationReference.TenantOf(activity);
        var record = new TurnRecord(origin.TurnId, activityType, tenantId, ConversationReferences.KeyIdOf(activity), activity.From?.AadObjectId);
        var previous = TurnRecord.Current;
        TurnRecord.Current = record;

        var tenantHash = Hash(tenantId);
        var conversationHash = record.ConversationHash = Hash(record.ConversationId);
        record.Span = Source.StartActivity(Spans.Turn, ActivityKind.Internal, origin.Context, [
            new(Tags.ActivityType, activityType),
            new(Tags.TurnId, origin.TurnId),
            new(Tags.TenantHash, tenantHash),
            new(Tags.ConversationHash, conversationHash),
        ]);
        record.StartedTimestamp = time.GetTimestamp();
        var scope = logger.BeginScope(new TurnScope(origin.TurnId, activityType, tenantHash, conversationHash));
        return new ObservedTurn(this, record, scope, previous);
    }

    internal async ValueTask EndAsync(TurnRecord record)
    {
        var duration = time.GetElapsedTime(record.StartedTimestamp);
        var outcome = TurnRecord.OutcomeName(record.Outcome);
        if (record.Span is { } span)
        {
            if (record.Intent is { } intent) span.SetTag(Tags.Intent, intent);
            if (record.CardAction is { } action) span.SetTag(Tags.CardAction, action);
            span.SetTag(Tags.Outcome, outcome);
            if (record.Outcome is TurnOutcome.Failed or TurnOutcome.Unavailable) span.SetStatus(ActivityStatusCode.Error, outcome);
        }
        metrics.TurnCompleted(record.ActivityType, record.Subject, outcome, duration);
        var conversationHash = record.ConversationHash;
        if (record.Outcome is TurnOutcome.Answered or TurnOutcome.Refused)
            Log.TurnCompleted(logger, record.TurnId, record.ActivityType, conversationHash, record.Subject, outcome, (long)duration.TotalMilliseconds);
        else
            Log.TurnNotAnswered(logger, record.TurnId, record.ActivityType, conversationHash, record.Subject, outcome, (long)duration.TotalMilliseconds);
        await audit.RecordAsync(record);
        record.Span?.Dispose();
    }

    /// The scope's fields, named as a log query would ask for them.
    private sealed class TurnScope(string turnId, string activityType, string tenantHash, string conversationHash) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _fields =
        [
            new("TurnId", turnId), new("ActivityType", activityType), new("TenantHash", tenantHash), new("ConversationHash", conversationHash),
        ];

        public KeyValuePair<string, object?> this[int index] => _fields[index];

        public int Count => _fields.Length;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_fields).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"turn {turnId} ({activityType}, conversation {conversationHash})";
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4300, Level = LogLevel.Information,
            Message = "Turn {TurnId}: {ActivityType} in conversation {ConversationHash}, {Subject}, {Outcome} in {DurationMs} ms")]
        public static partial void TurnCompleted(ILogger logger, string turnId, string activityType, string conversationHash, string subject, string outcome, long durationMs);

        [LoggerMessage(EventId = 4301, Level = LogLevel.Warning,
            Message = "Turn {TurnId}: {ActivityType} in conversation {ConversationHash}, {Subject}, {Outcome} in {DurationMs} ms")]
        public static partial void TurnNotAnswered(ILogger logger, string turnId, string activityType, string conversationHash, string subject, string outcome, long durationMs);
    }
}

/// One turn's telemetry, ended when disposed.
public sealed class ObservedTurn : IAsyncDisposable
{
    private readonly TurnTelemetry _telemetry;
    private readonly IDisposable? _scope;
    private readonly TurnRecord? _previous;

    internal ObservedTurn(TurnTelemetry telemetry, TurnRecord record, IDisposable? scope, TurnRecord? previous)
    {
        _telemetry = telemetry;
        Record = record;
        _scope = scope;
        _previous = previous;
    }

    public TurnRecord Record { get; }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _telemetry.EndAsync(Record);
        }
        finally
        {
            _scope?.Dispose();
            TurnRecord.Current = _previous;
        }
    }
}
