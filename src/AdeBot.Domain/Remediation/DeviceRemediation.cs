using System.Globalization;
using AdeBot.Domain.Devices;
using AdeBot.Domain.Health;
using AdeBot.Domain.Localization;

namespace AdeBot.Domain.Remediation;

/// The knowledge base for one device: a topic per verdict, and the health answer's "devices will
/// fail to enroll" finding. Blockers are token problems and use the token topics (For).
public sealed partial class RemediationCatalog
{
    private static Dictionary<RemediationTopic, Entry> WithDeviceEntries(Dictionary<RemediationTopic, Entry> entries)
    {
        entries[RemediationTopic.DeviceEnrolled] = new(["DeviceEnrolled"], [nameof(HelpLinks.SetupAutomatedEnrollment), nameof(HelpLinks.AuthenticationMethods)]);
        entries[RemediationTopic.DeviceEnrolledWithoutAde] = new(["CheckAssignment", "Reenroll"], [nameof(HelpLinks.DistributeDevices), nameof(HelpLinks.ReEnrollDevice)]);
        entries[RemediationTopic.DeviceNotInAde] = new(["AssignInApple"], [nameof(HelpLinks.EnrollmentProgramTokensBlade), nameof(HelpLinks.SyncRestrictions), nameof(HelpLinks.SyncTokenErrors)]);
        entries[RemediationTopic.DeviceRemovedFromAbm] = new(["RemovedFromApple"], [nameof(HelpLinks.EnrollmentProgramTokensBlade), nameof(HelpLinks.SyncRestrictions)]);
        entries[RemediationTopic.DeviceNoProfile] = new(["AssignProfile"], [nameof(HelpLinks.EnrollmentProgramTokensBlade), nameof(HelpLinks.AssignEnrollmentProfile), nameof(HelpLinks.DefaultEnrollmentProfile)]);
        entries[RemediationTopic.DeviceProfileNotFound] = new(["ReplaceProfile"], [nameof(HelpLinks.EnrollmentProgramTokensBlade), nameof(HelpLinks.SyncTokenErrors), nameof(HelpLinks.AssignEnrollmentProfile)]);
        entries[RemediationTopic.DevicePendingReset] = new(["PendingReset"], [nameof(HelpLinks.AssignEnrollmentProfile), nameof(HelpLinks.DistributeDevices)]);
        entries[RemediationTopic.DeviceNotContacted] = new(["NotContacted"], [nameof(HelpLinks.EnrollmentProgramTokensBlade), nameof(HelpLinks.DistributeDevices), nameof(HelpLinks.XpcConnectionInvalid), nameof(HelpLinks.AdeDoesNotStart)]);
        entries[RemediationTopic.DeviceEnrollmentFailed] = new(["EnrollmentFailed"], [nameof(HelpLinks.AppleEnrollmentErrors), nameof(HelpLinks.DeviceCapReached), nameof(HelpLinks.DeviceLimit), nameof(HelpLinks.AuthenticationMethods)]);
        entries[RemediationTopic.DevicePlatformBlocked] = new(["AllowPlatform"], [nameof(HelpLinks.InvalidProfile)]);
        entries[RemediationTopic.DeviceBlocked] = new(["UserlessBlocked"], [nameof(HelpLinks.ManageVppTokens), nameof(HelpLinks.SetupAutomatedEnrollment)]);
        entries[RemediationTopic.DeviceEnrolledButNotInIntune] = new(["Reenroll", "ReleaseInstead"], [nameof(HelpLinks.ReEnrollDevice), nameof(HelpLinks.DistributeDevices)]);
        entries[RemediationTopic.DevicesWithoutProfile] = new(["AssignProfile"], [nameof(HelpLinks.EnrollmentProgramTokensBlade), nameof(HelpLinks.AssignEnrollmentProfile), nameof(HelpLinks.DefaultEnrollmentProfile)]);
        return entries;
    }

    public static RemediationTopic TopicFor(DeviceVerdict verdict) => verdict switch
    {
        DeviceVerdict.Enrolled => RemediationTopic.DeviceEnrolled,
        DeviceVerdict.EnrolledWithoutAde => RemediationTopic.DeviceEnrolledWithoutAde,
        DeviceVerdict.NotInAde => RemediationTopic.DeviceNotInAde,
        DeviceVerdict.RemovedFromAbm => RemediationTopic.DeviceRemovedFromAbm,
        DeviceVerdict.NoProfile => RemediationTopic.DeviceNoProfile,
        DeviceVerdict.ProfileNotFound => RemediationTopic.DeviceProfileNotFound,
        DeviceVerdict.PendingReset => RemediationTopic.DevicePendingReset,
        DeviceVerdict.NotContacted => RemediationTopic.DeviceNotContacted,
        DeviceVerdict.EnrollmentFailed => RemediationTopic.DeviceEnrollmentFailed,
        DeviceVerdict.PlatformBlocked => RemediationTopic.DevicePlatformBlocked,
        DeviceVerdict.Blocked => RemediationTopic.DeviceBlocked,
        DeviceVerdict.EnrolledButNotInIntune => RemediationTopic.DeviceEnrolledButNotInIntune,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Unknown device verdict."),
    };

    /// The remediation of a device's verdict, its cause opening with the facts of this device.
    public Remediation ForDevice(DeviceDiagnosis diagnosis, CultureInfo culture)
    {
        var topic = TopicFor(diagnosis.Verdict);
        var generic = Describe(topic, culture);
        var facts = Texts.Remediation.Format(DeviceFactsKey(topic, diagnosis), culture, DeviceFactArguments(diagnosis, culture));
        if (topic == RemediationTopic.DeviceEnrollmentFailed && diagnosis.Restrictions?.DeviceLimit is { } limit)
        {
            facts += " " + Texts.Remediation.Format("Fact_DeviceLimit", culture, TextFormat.Count(limit, culture));
        }
        return generic with { Cause = $"{facts} {generic.Cause}" };
    }

    /// The health answer's finding for one token: how many of its devices will fail to enroll.
    public Remediation ForDevicesWithoutProfile(TokenHealth token, TokenEnrollmentRisk risk, CultureInfo culture)
    {
        var generic = Describe(RemediationTopic.DevicesWithoutProfile, culture);
        var key = risk.AtLeast ? "DevicesWithoutProfile_FactsAtLeast" : "DevicesWithoutProfile_Facts";
        var facts = Texts.Remediation.Plural(key, risk.DevicesWithoutProfile, culture, token.Name, KindLabel(token));
        return generic with { Cause = $"{facts} {generic.Cause}" };
    }

    /// Product names, the same in every language; "unknown" is translated.
    public static string PlatformLabel(DevicePlatform platform, CultureInfo culture) => platform switch
    {
        DevicePlatform.Ios => "iOS/iPadOS",
        DevicePlatform.MacOs => "macOS",
        DevicePlatform.TvOs => "tvOS",
        DevicePlatform.VisionOs => "visionOS",
        _ => Texts.Text.Get("Platform_Unknown", culture),
    };

    public static string EnrollmentStateLabel(AdeEnrollmentState state, CultureInfo culture) => Texts.Text.Get($"AdeState_{state}", culture);

    /// ADE's two enrollment types in words; any other type as Graph names it (userEnrollment, ...).
    public static string EnrollmentTypeLabel(string? enrollmentType, CultureInfo culture) => enrollmentType?.ToLowerInvariant() switch
    {
        null or "" => Texts.Text.Get("EnrollmentType_Unknown", culture),
        "applebulkwithuser" => Texts.Text.Get("EnrollmentType_AdeWithUser", culture),
        "applebulkwithoutuser" => Texts.Text.Get("EnrollmentType_AdeWithoutUser", culture),
        _ => enrollmentType,
    };

    /// Topics whose facts read differently with less known: an enrollment seen only on Apple's
    /// side (no Intune records readable), and a failure without any contact time.
    private static string DeviceFactsKey(RemediationTopic topic, DeviceDiagnosis diagnosis) => topic switch
    {
        RemediationTopic.DeviceEnrolled when diagnosis.ManagedDevice is null => "DeviceEnrolled_FactsAdeOnly",
        RemediationTopic.DeviceEnrollmentFailed when diagnosis.Device?.Record.LastContactedAt is null => "DeviceEnrollmentFailed_FactsNoContact",
        _ => $"{topic}_Facts",
    };

    /// The arguments every device Facts resource may use:
    /// {0} serial number, {1} token name, {2} profile name, {3} platform, {4} date the profile was
    /// assigned, {5} date and time of the last contact, {6} Intune device name, {7} Intune enrollment
    /// type, {8} default device limit, {9} token kind label (ABM, ASM), {10} number of ADE tokens.
    private static object[] DeviceFactArguments(DeviceDiagnosis diagnosis, CultureInfo culture)
    {
        var device = diagnosis.Device;
        var record = device?.Record;
        var managed = diagnosis.ManagedDevice;
        return
        [
            diagnosis.SerialNumber,
            device?.TokenName ?? Missing,
            device?.Profile?.Name ?? Missing,
            PlatformLabel(record?.Platform ?? DevicePlatform.Unknown, culture),
            record?.ProfileAssignedAt is { } assigned ? TextFormat.Date(assigned, culture) : Missing,
            record?.LastContactedAt is { } contacted ? TextFormat.DateTime(contacted, culture) : Missing,
            string.IsNullOrWhiteSpace(managed?.DeviceName) ? Missing : managed.DeviceName,
            EnrollmentTypeLabel(managed?.EnrollmentType, culture),
            diagnosis.Restrictions?.DeviceLimit is { } limit ? TextFormat.Count(limit, culture) : Missing,
            device is null ? Missing : KindLabel(Tokens.TokenKind.Ade, device.Program),
            TextFormat.Count(diagnosis.AdeTokenCount, culture),
        ];
    }
}
