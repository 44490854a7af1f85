using AdeBot.Domain.Tokens;

namespace AdeBot.Domain.Health;

/// Ordered from best to worst so a roll-up is a Max.
public enum HealthStatus { Healthy = 0, Warning = 1, Critical = 2 }

/// Problem codes as they appear in `check --json` (camelCase of the name).
public enum ProblemCode
{
    Expired,
    ExpiringSoon,
    SyncError,
    TermsNotAccepted,
    SyncStale,
    NeverSynced,
    NotConfigured,
    InvalidState,
    SyncFailed,
    /// A `lastSyncErrorCode` configured as "access denied" (Apple 403 ACCESS_DENIED).
    AccessDenied,
    /// Intune's tenant status (connector status) rates the token worse than AdeBot's own rules do.
    PortalUnhealthy,
}

/// One reason a token is not healthy, with the facts behind it.
public sealed record Problem(
    ProblemCode Code,
    HealthStatus Severity,
    int? DaysLeft = null,
    int? ErrorCode = null,
    int? HoursSinceSync = null,
    string? State = null);

public sealed record TokenHealth(
    TokenKind Kind,
    string Id,
    string Name,
    string? AppleId,
    AppleProgram Program,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastSuccessfulSyncAt,
    HealthStatus Status,
    IReadOnlyList<Problem> Problems)
{
    /// When Intune last requested a sync of an ADE token (the manual-sync cooldown counts from it).
    public DateTimeOffset? LastSyncTriggeredAt { get; init; }
}

public sealed record TenantHealth(
    string TenantId,
    SnapshotSource Source,
    DateTimeOffset AsOf,
    HealthStatus Status,
    IReadOnlyList<TokenHealth> Tokens);
