using AdeBot.Domain.Audit;
using AdeBot.Telemetry;

namespace AdeBot.Audit;

/// Writes the audit trail: every question (message turn) and every card button, from the turn's
/// record at its end. A failed write is logged and never fails the turn.
public sealed partial class TurnAudit(IAuditTrail trail, TimeProvider time, ILogger<TurnAudit> logger)
{
    public async Task RecordAsync(TurnRecord turn)
    {
        AuditKind? kind = turn.CardAction is not null ? AuditKind.CardAction
            : turn.ActivityType == TurnActivityTypes.Message ? AuditKind.Question
            : null;
        if (kind is null || turn.TenantId is null || turn.ConversationId is null) return;
        var action = turn.CardAction ?? turn.Intent ?? "none";
        await WriteAsync(new AuditEntry(time.GetUtcNow(), turn.TenantId, turn.UserAadObjectId, turn.ConversationId, kind.Value, action,
            [.. turn.Subjects], TurnRecord.OutcomeName(turn.Outcome), turn.TurnId));
    }

    private async Task WriteAsync(AuditEntry entry)
    {
        try
        {
            // Not the turn's cancellation: a turn cut short by shutdown is still audited.
            await trail.RecordAsync(entry, CancellationToken.None);
        }
        catch (Exception ex)
        {
            Log.NotRecorded(logger, entry.Kind, entry.Action, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7100, Level = LogLevel.Error, Message = "Audit: a {Kind} ({Action}) could not be recorded")]
        public static partial void NotRecorded(ILogger logger, AuditKind kind, string action, Exception exception);
    }
}
