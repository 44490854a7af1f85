using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;

namespace AdeBot.Domain.Devices;

/// The one primary cause of a device's state. The camelCase names are the `verdict` codes of
/// `diagnose --json`; they never change.
public enum DeviceVerdict
{
    /// An Intune record enrolled through ADE exists.
    Enrolled,
    /// An Intune record exists, but not through ADE: the device was set up before it was assigned.
    EnrolledWithoutAde,
    /// The serial is in no token: not assigned to this MDM server, or not synced yet.
    NotInAde,
    /// The token still lists the device, but it was removed from Apple Business / School Manager.
    RemovedFromAbm,
    /// No profile assigned and no default for its platform: enrollment will fail.
    NoProfile,
    /// The assigned profile no longer exists on the token.
    ProfileNotFound,
    /// Enrolled with another profile; the assigned one waits for a reset.
    PendingReset,
    /// Assigned, never contacted: erase it and run Setup Assistant.
    NotContacted,
    EnrollmentFailed,
    /// The default platform restriction blocks the device's platform.
    PlatformBlocked,
    /// Enrolled userless, blocked from moving to a user (an app failed to install).
    Blocked,
    /// Apple says enrolled, Intune has no record: deleted or retired.
    EnrolledButNotInIntune,
}

/// Tenant- or token-level problems that stop a device from syncing or enrolling whatever its own
/// state; the camelCase names are the `blockers` codes of `diagnose --json`.
public enum DeviceBlocker { TokenExpired, TokenSyncError, TokenSyncStale, TermsNotAccepted, ApnsExpired, ApnsMissing }

/// ok: enrolled; warning: needs a look but can work; critical: it will not enroll.
public enum DiagnosisSeverity { Ok, Warning, Critical }

/// One blocker with the token (or APNs certificate) behind it and the health problem it comes
/// from, so its remediation is the token's.
public sealed record BlockerFinding(DeviceBlocker Code, TokenHealth Token, Problem Problem);

/// One ADE record of the serial with what it resolves to: its token and the profile it gets.
/// `Profile` is the assigned profile, or the token's default when none is assigned
/// (`ProfileIsDefault`); `ProfileMissing` is true when the assigned profile is not on the token.
public sealed record DeviceMatch(
    AdeDeviceRecord Record,
    string TokenName,
    AppleProgram Program,
    EnrollmentProfile? Profile,
    bool ProfileIsDefault,
    bool ProfileMissing);

/// The answer to "why isn't SERIAL enrolling?": one verdict with its severity, the blockers
/// (tenant-level first: APNs, then tokens), the facts behind it, and which permissions would have
/// told more. `Device` is the match the verdict is about; `Matches` holds every token the serial
/// is in. `ManagedDevice` is the Intune record; `ManagedDevicesKnown` is false when Intune's
/// records could not be read.
public sealed record DeviceDiagnosis(
    string SerialNumber,
    string TenantId,
    SnapshotSource Source,
    DateTimeOffset AsOf,
    DeviceVerdict Verdict,
    DiagnosisSeverity Severity,
    IReadOnlyList<BlockerFinding> Blockers,
    IReadOnlyList<string> MissingPermissions,
    DeviceMatch? Device,
    IReadOnlyList<DeviceMatch> Matches,
    ManagedDeviceRecord? ManagedDevice,
    bool ManagedDevicesKnown,
    EnrollmentRestrictions? Restrictions,
    int AdeTokenCount);
