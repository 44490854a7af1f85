using System.Globalization;
using AdeBot.Domain.Localization;

namespace AdeBot.Domain.Remediation;

/// Who can take a problem further once the likely causes are used up: Microsoft (Intune's side)
/// or Apple (Apple Business / School Manager, the push certificate portal).
public enum SupportPath
{
    Microsoft,
    Apple,
}

/// The "I'm stuck" knowledge: per topic, the other likely causes to try, most likely first, and
/// the support path after them. Causes are `Stuck_{cause}` resources, shared between topics, with
/// the portal paths of PortalPaths as arguments.
public sealed partial class RemediationCatalog
{
    private static readonly string[] TokenRenewal = ["WrongAppleId", "WrongServerFile", "IntuneRole"];
    private static readonly string[] TokenSync = ["TermsPending", "WrongServerFile", "SyncLag", "IntuneRole"];
    private static readonly string[] Apns = ["ApnsSameAppleId", "IntuneRole"];
    private static readonly string[] Vpp = ["VppLocation", "IntuneRole"];
    private static readonly string[] DeviceAssignment = ["DeviceNotAssigned", "SyncLag"];
    private static readonly string[] DeviceProfile = ["SyncLag", "DeviceNeedsErase"];
    private static readonly string[] DeviceSetup = ["DeviceNeedsErase", "DeviceNetwork"];

    private static readonly IReadOnlyDictionary<RemediationTopic, string[]> LikelyCauseKeys = new Dictionary<RemediationTopic, string[]>
    {
        [RemediationTopic.AlertExplanation] = TokenSync,
        [RemediationTopic.AdeExpired] = TokenRenewal,
        [RemediationTopic.AdeExpiring] = TokenRenewal,
        [RemediationTopic.TermsNotAccepted] = ["SyncLag", "WrongAppleId"],
        [RemediationTopic.SyncError] = TokenSync,
        [RemediationTopic.AccessDenied] = ["WrongAppleId", "TermsPending", "WrongServerFile"],
        [RemediationTopic.SyncStale] = TokenSync,
        [RemediationTopic.NeverSynced] = TokenSync,
        [RemediationTopic.ApnsExpiring] = Apns,
        [RemediationTopic.ApnsExpired] = Apns,
        [RemediationTopic.ApnsNotConfigured] = ["IntuneRole"],
        [RemediationTopic.VppInvalid] = Vpp,
        [RemediationTopic.VppExpired] = Vpp,
        [RemediationTopic.VppExpiring] = Vpp,
        [RemediationTopic.VppAssignedToExternalMdm] = Vpp,
        [RemediationTopic.VppDuplicateLocation] = Vpp,
        [RemediationTopic.VppSyncFailed] = Vpp,
        [RemediationTopic.VppUnexpectedState] = Vpp,
        [RemediationTopic.DeviceEnrolled] = DeviceSetup,
        [RemediationTopic.DeviceEnrolledWithoutAde] = DeviceSetup,
        [RemediationTopic.DeviceNotInAde] = DeviceAssignment,
        [RemediationTopic.DeviceRemovedFromAbm] = DeviceAssignment,
        [RemediationTopic.DeviceNoProfile] = DeviceProfile,
        [RemediationTopic.DeviceProfileNotFound] = DeviceProfile,
        [RemediationTopic.DevicePendingReset] = DeviceSetup,
        [RemediationTopic.DeviceNotContacted] = DeviceSetup,
        [RemediationTopic.DeviceEnrollmentFailed] = DeviceSetup,
        [RemediationTopic.DevicePlatformBlocked] = ["IntuneRole", "DeviceNeedsErase"],
        [RemediationTopic.DeviceBlocked] = ["DeviceNeedsErase"],
        [RemediationTopic.DeviceEnrolledButNotInIntune] = DeviceSetup,
        [RemediationTopic.DevicesWithoutProfile] = DeviceProfile,
    };

    /// Topics whose fix is finished on Apple's side, so Apple is who can help further.
    private static readonly HashSet<RemediationTopic> AppleSupported =
    [
        RemediationTopic.AdeExpired, RemediationTopic.AdeExpiring, RemediationTopic.TermsNotAccepted, RemediationTopic.AccessDenied,
        RemediationTopic.ApnsExpiring, RemediationTopic.ApnsExpired, RemediationTopic.VppInvalid, RemediationTopic.VppExpired,
        RemediationTopic.VppExpiring, RemediationTopic.VppAssignedToExternalMdm, RemediationTopic.VppDuplicateLocation,
        RemediationTopic.DeviceNotInAde, RemediationTopic.DeviceRemovedFromAbm,
    ];

    /// The other likely causes of `topic` in the user's language, most likely first.
    public IReadOnlyList<string> LikelyCauses(RemediationTopic topic, CultureInfo culture) =>
        [.. LikelyCauseKeys[topic].Select(cause => Texts.Remediation.Format($"Stuck_{cause}", culture, PortalPaths.Arguments))];

    public static SupportPath SupportFor(RemediationTopic topic) => AppleSupported.Contains(topic) ? SupportPath.Apple : SupportPath.Microsoft;

    /// Every cause a topic may name, for the completeness tests.
    public static IEnumerable<string> LikelyCauseResourceKeys => LikelyCauseKeys.Values.SelectMany(c => c).Distinct().Select(c => $"Stuck_{c}");
}
