namespace AdeBot.Domain.Alerts;

/// One instance's hold on one tenant for one alert check. `Token` changes with every claim, so a
/// holder whose lease ran out and was claimed by another cannot act on it even if it still runs.
public sealed record TenantLease(string TenantId, string Holder, long Token);

/// What a commit under a lease did.
public enum LeasedCommit
{
    Committed,
    /// The conversation was removed or unsubscribed meanwhile; nothing was written.
    ConversationGone,
    /// The lease ran out or another instance holds the tenant now; nothing was written.
    LeaseLost,
}

/// Shares the alert check between instances on one database: each tenant is checked by one
/// instance per interval. A claimed tenant is leased until a time; a holder that dies loses it when
/// that time passes, one that stops cleanly releases it at once. No instance is special.
public interface ITenantLeaseStore
{
    /// Leases to `holder` until `until` up to `max` tenants with an active subscription that are due
    /// (next due at or before `dueBy`), free (never leased, released, or their lease ran out) and
    /// not already claimed in `run`, the most overdue first.
    Task<IReadOnlyList<TenantLease>> ClaimAsync(string holder, string run, int max, DateTimeOffset dueBy, DateTimeOffset until, CancellationToken cancellationToken);

    /// Extends a lease still held to `until`; false when it ran out or was taken.
    Task<bool> RenewAsync(TenantLease lease, DateTimeOffset until, CancellationToken cancellationToken);

    /// Gives the tenant back. With `nextDueAt` the tenant is not due again before then; null
    /// leaves it due as it was, so another instance may take it at once.
    Task ReleaseAsync(TenantLease lease, DateTimeOffset? nextDueAt, CancellationToken cancellationToken);

    /// Applies a plan's ledger changes (as IAlertLedger.CommitAsync) in one transaction with the
    /// check that the lease is still held, so an instance that lost the tenant records nothing.
    Task<LeasedCommit> CommitAsync(TenantLease lease, ConversationKey key, IReadOnlyList<LedgerChange> changes, CancellationToken cancellationToken);
}
