namespace AdeBot.Domain.Audit;

/// What was audited: a question asked in chat or a card button pressed.
public enum AuditKind
{
    Question,
    CardAction,
    /// A sync with Apple AdeBot asked Intune for (Actions:AllowSync): the token and Graph's answer.
    Sync,
}

/// One audited event: when, in which tenant and conversation, by whom (the asker's Entra object
/// id), what (the intent or the button's verb), which tokens or device serial it concerned, and
/// how it ended. Never the message text. `TurnId` is the id the turn's log lines carry.
public sealed record AuditEntry(
    DateTimeOffset At,
    string TenantId,
    string? UserAadObjectId,
    string ConversationId,
    AuditKind Kind,
    string Action,
    IReadOnlyList<string> Subjects,
    string Outcome,
    string? TurnId = null);

/// Which entries to list: one tenant or all, from a moment on, oldest first.
public sealed record AuditQuery(string? TenantId = null, DateTimeOffset? Since = null);

/// The audit trail: who looked at what, for an admin who must show it. Entries are kept for a
/// retention period and then trimmed.
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken);

    /// Removes entries recorded before `cutoff`; returns how many.
    Task<int> TrimAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
