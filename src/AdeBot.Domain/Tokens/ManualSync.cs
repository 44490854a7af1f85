using AdeBot.Domain.Health;

namespace AdeBot.Domain.Tokens;

/// Intune's rule for the Sync button of an ADE token: one manual sync per token every 15 minutes,
/// counted from `lastSyncTriggeredDateTime` (or from AdeBot's own last request, whichever is later).
public static class ManualSync
{
    public static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(15);

    /// How long until a manual sync is allowed again; zero when it is allowed now.
    public static TimeSpan RemainingWait(DateTimeOffset? lastTriggered, DateTimeOffset now) =>
        lastTriggered is { } at && now - at < Cooldown ? Cooldown - (now - at) : TimeSpan.Zero;

    /// Whole minutes to tell a person, rounded up, so "try in 1 minute" is never too early.
    public static int Minutes(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));

    /// The problems a sync with Apple may clear (and the only ones "Sync now" is offered on).
    public static bool IsSyncProblem(Problem problem) => problem.Code is ProblemCode.SyncStale or ProblemCode.NeverSynced
        or ProblemCode.SyncError or ProblemCode.TermsNotAccepted or ProblemCode.AccessDenied;
}

public enum SyncRequestOutcome
{
    /// Graph accepted the request (204).
    Started,
    /// Graph refused it for now: 429 inside Intune's cooldown, or any other refusal.
    NotNow,
    /// Graph answered 401/403: the app lacks DeviceManagementServiceConfig.ReadWrite.All.
    PermissionMissing,
}

/// `RetryAfter`: Graph's Retry-After on a refusal, when it sent one.
public sealed record SyncRequestResult(SyncRequestOutcome Outcome, TimeSpan? RetryAfter = null);

/// Asks Intune to sync one ADE token with Apple (`syncWithAppleDeviceEnrollmentProgram`), the only
/// write AdeBot makes to Intune; offered only under Actions:AllowSync.
public interface ITokenSync
{
    /// The application permission the write needs.
    const string RequiredPermission = "DeviceManagementServiceConfig.ReadWrite.All";

    Task<SyncRequestResult> RequestSyncAsync(string tenantId, string adeTokenId, CancellationToken cancellationToken);
}
