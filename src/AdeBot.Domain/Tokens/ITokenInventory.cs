namespace AdeBot.Domain.Tokens;

public enum InventoryFailureKind
{
    /// Graph answered 401/403: the app lacks `MissingPermission` or admin consent.
    PermissionMissing,
    /// Throttling or outage outlasted the retries, or the request timed out.
    GraphUnavailable,
    /// The tenant is not one AdeBot has credentials for.
    TenantNotConfigured,
    /// Anything else (malformed response, ...). Details are logged, never shown.
    Unexpected,
}

public sealed record InventoryFailure(InventoryFailureKind Kind, string? MissingPermission = null);

/// The answer to "read this tenant's tokens". `Snapshot` is the data to show: fresh, or the last
/// good one when Graph failed (then `Failure` says why and `IsStale` is true). Both are null/false
/// only when nothing was ever read successfully.
public sealed record InventoryReading(string TenantId, SnapshotSource Source, TenantSnapshot? Snapshot, InventoryFailure? Failure, bool IsStale)
{
    public bool Succeeded => Snapshot is not null && Failure is null;
}

public interface ITokenInventory
{
    /// The tenants AdeBot watches on its own: the configured ones, or the sample tenant id when
    /// it runs on the sample or a replay.
    IReadOnlyList<string> WatchedTenantIds { get; }

    /// Where answers come from when nothing tenant-specific is configured.
    SnapshotSource DefaultSource { get; }

    /// True when `tenantId` can be read: it has credentials, or the sample/replay answers for any tenant.
    bool CanRead(string tenantId);

    Task<InventoryReading> ReadAsync(string tenantId, CancellationToken cancellationToken);

    /// `forceRefresh` skips the cached snapshot ("Check again"); a read already under way is shared.
    Task<InventoryReading> ReadAsync(string tenantId, bool forceRefresh, CancellationToken cancellationToken);

    /// Reads Graph now, however young the cached snapshot is (a read already under way is shared),
    /// and caches the result. For a guided fix's verification, which has a per-tenant limit of its own.
    Task<InventoryReading> ReadFreshAsync(string tenantId, CancellationToken cancellationToken);
}
