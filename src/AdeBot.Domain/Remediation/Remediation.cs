namespace AdeBot.Domain.Remediation;

/// One entry of the knowledge base per kind of problem.
public enum RemediationTopic
{
    /// The general explanation: what an ADE token in an error state breaks.
    AlertExplanation,
    AdeExpired,
    AdeExpiring,
    TermsNotAccepted,
    SyncError,
    AccessDenied,
    SyncStale,
    NeverSynced,
    ApnsExpiring,
    ApnsExpired,
    ApnsNotConfigured,
    VppInvalid,
    VppExpired,
    VppExpiring,
    VppAssignedToExternalMdm,
    VppDuplicateLocation,
    VppSyncFailed,
    /// A VPP state Graph may add later; shown with its raw value and the general VPP checklist.
    VppUnexpectedState,
    /// Intune's tenant status rates a token worse than AdeBot's rules do.
    PortalStatus,

    // One per device verdict (DeviceVerdict), in the same order.
    DeviceEnrolled,
    DeviceEnrolledWithoutAde,
    DeviceNotInAde,
    DeviceRemovedFromAbm,
    DeviceNoProfile,
    DeviceProfileNotFound,
    DevicePendingReset,
    DeviceNotContacted,
    DeviceEnrollmentFailed,
    DevicePlatformBlocked,
    DeviceBlocked,
    DeviceEnrolledButNotInIntune,
    /// The health answer's finding: devices of a token with no profile and no default profile.
    DevicesWithoutProfile,
}

public sealed record HelpLink(string Title, Uri Url);

/// What to tell an admin about one problem. Steps are Markdown: portal labels are **bold** and in
/// English exactly as the portal shows them; everything else is in the user's language.
public sealed record Remediation(
    RemediationTopic Topic,
    string Title,
    string Cause,
    IReadOnlyList<string> Steps,
    IReadOnlyList<HelpLink> Links);
