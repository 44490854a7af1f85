using System.Globalization;

namespace AdeBot.Domain.Localization;

/// Every help link AdeBot shows, in one table (learn.microsoft.com 2026 layout). Learn builds
/// anchors from headings, and headings get renamed: when a link rots, fix it here only.
public static class HelpLinks
{
    private const string LearnHost = "learn.microsoft.com";

    public static readonly Uri RenewAdeToken = new("https://learn.microsoft.com/intune/device-enrollment/apple/manage-devices-tokens-apple#renew-your-token");
    public static readonly Uri RenewAdeTokenRules = new("https://learn.microsoft.com/intune/device-enrollment/apple/setup-apple-token#renew-an-enrollment-program-token");
    public static readonly Uri RenewAdeTokenMacOs = new("https://learn.microsoft.com/intune/device-enrollment/apple/setup-macos-token#renew-an-enrollment-program-token");
    public static readonly Uri CreateAdeToken = new("https://learn.microsoft.com/intune/device-enrollment/apple/setup-apple-token#create-an-enrollment-program-token");
    public static readonly Uri SyncRestrictions = new("https://learn.microsoft.com/intune/device-enrollment/apple/manage-devices-tokens-apple#sync-restrictions");
    public static readonly Uri SyncTokenErrors = new("https://learn.microsoft.com/troubleshoot/mem/intune/device-enrollment/troubleshoot-ios-enrollment-errors#sync-token-errors-between-intune-and-ade");
    public static readonly Uri AppleEnrollmentErrors = new("https://learn.microsoft.com/troubleshoot/mem/intune/device-enrollment/troubleshoot-ios-enrollment-errors#iosipados-enrollment-errors");
    public static readonly Uri RenewApnsCertificate = new("https://learn.microsoft.com/intune/device-enrollment/apple/create-mdm-push-certificate#renew-apple-mdm-push-certificate");
    public static readonly Uri CreateApnsCertificate = new("https://learn.microsoft.com/intune/device-enrollment/apple/create-mdm-push-certificate");
    public static readonly Uri RenewVppToken = new("https://learn.microsoft.com/intune/app-management/deployment/manage-vpp-apple#renewing-vpp-tokens-or-apple-business-manager-location-token");
    public static readonly Uri ManageVppTokens = new("https://learn.microsoft.com/intune/app-management/deployment/manage-vpp-apple");
    public static readonly Uri TenantStatus = new("https://learn.microsoft.com/intune/intune-service/fundamentals/tenant-status#connector-status-tab");

    // Device-level troubleshooting: setting up automated device enrollment, and its known errors.
    public static readonly Uri SetupAutomatedEnrollment = new("https://learn.microsoft.com/intune/device-enrollment/apple/setup-automated-ios");
    public static readonly Uri AssignEnrollmentProfile = new("https://learn.microsoft.com/intune/device-enrollment/apple/setup-automated-ios#assign-an-enrollment-profile-to-devices");
    public static readonly Uri DefaultEnrollmentProfile = new("https://learn.microsoft.com/intune/device-enrollment/apple/setup-automated-ios#assign-a-default-profile");
    public static readonly Uri DistributeDevices = new("https://learn.microsoft.com/intune/device-enrollment/apple/setup-automated-ios#distribute-devices");
    public static readonly Uri ReEnrollDevice = new("https://learn.microsoft.com/intune/device-enrollment/apple/manage-devices-tokens-apple#re-enroll-a-device");
    public static readonly Uri AuthenticationMethods = new("https://learn.microsoft.com/intune/device-enrollment/apple/ref-automated-authentication-methods");
    public static readonly Uri AdeDoesNotStart = new("https://learn.microsoft.com/troubleshoot/mem/intune/device-enrollment/troubleshoot-ios-enrollment-errors#ade-enrollment-doesnt-start");
    public static readonly Uri XpcConnectionInvalid = new("https://learn.microsoft.com/troubleshoot/mem/intune/device-enrollment/troubleshoot-ios-enrollment-errors#xpc_type_error-connection-invalid");
    public static readonly Uri InvalidProfile = new("https://learn.microsoft.com/troubleshoot/mem/intune/device-enrollment/troubleshoot-ios-enrollment-errors#the-configuration-for-your-iphoneipad-could-not-be-downloaded-from-company-name-invalid-profile");
    public static readonly Uri DeviceCapReached = new("https://learn.microsoft.com/troubleshoot/mem/intune/device-enrollment/troubleshoot-device-enrollment-in-intune#device-cap-reached");
    public static readonly Uri DeviceLimit = new("https://learn.microsoft.com/intune/intune-service/enrollment/device-limit-intune-azure");

    /// The Intune admin center blade listing enrollment program tokens. Portal URLs can change
    /// (this one is also what Maester links), and the portal picks its own language.
    public static readonly Uri EnrollmentProgramTokensBlade = new("https://intune.microsoft.com/#view/Microsoft_Intune_Enrollment/DepTokensPaging.ReactView");

    /// The table by name; the name is also the resource key suffix of the link's title (`Link_{name}`).
    public static IReadOnlyDictionary<string, Uri> All { get; } = new Dictionary<string, Uri>
    {
        [nameof(RenewAdeToken)] = RenewAdeToken,
        [nameof(RenewAdeTokenRules)] = RenewAdeTokenRules,
        [nameof(RenewAdeTokenMacOs)] = RenewAdeTokenMacOs,
        [nameof(CreateAdeToken)] = CreateAdeToken,
        [nameof(SyncRestrictions)] = SyncRestrictions,
        [nameof(SyncTokenErrors)] = SyncTokenErrors,
        [nameof(AppleEnrollmentErrors)] = AppleEnrollmentErrors,
        [nameof(RenewApnsCertificate)] = RenewApnsCertificate,
        [nameof(CreateApnsCertificate)] = CreateApnsCertificate,
        [nameof(RenewVppToken)] = RenewVppToken,
        [nameof(ManageVppTokens)] = ManageVppTokens,
        [nameof(TenantStatus)] = TenantStatus,
        [nameof(EnrollmentProgramTokensBlade)] = EnrollmentProgramTokensBlade,
        [nameof(SetupAutomatedEnrollment)] = SetupAutomatedEnrollment,
        [nameof(AssignEnrollmentProfile)] = AssignEnrollmentProfile,
        [nameof(DefaultEnrollmentProfile)] = DefaultEnrollmentProfile,
        [nameof(DistributeDevices)] = DistributeDevices,
        [nameof(ReEnrollDevice)] = ReEnrollDevice,
        [nameof(AuthenticationMethods)] = AuthenticationMethods,
        [nameof(AdeDoesNotStart)] = AdeDoesNotStart,
        [nameof(XpcConnectionInvalid)] = XpcConnectionInvalid,
        [nameof(InvalidProfile)] = InvalidProfile,
        [nameof(DeviceCapReached)] = DeviceCapReached,
        [nameof(DeviceLimit)] = DeviceLimit,
    };

    /// Inserts the Learn locale after the host (`/fi-fi/intune/...`), replacing one already there,
    /// and keeps path, query and anchor. Other hosts (the Intune admin center) are returned as is.
    public static Uri Localize(Uri url, CultureInfo culture)
    {
        if (!url.IsAbsoluteUri || !string.Equals(url.Host, LearnHost, StringComparison.OrdinalIgnoreCase)) return url;

        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var rest = segments.Length > 0 && IsLocaleSegment(segments[0]) ? segments[1..] : segments;
        var path = string.Join('/', [SupportedCultures.LearnSegment(culture), .. rest]);
        var trailingSlash = rest.Length > 0 && url.AbsolutePath.EndsWith('/') ? "/" : "";
        return new Uri($"{url.Scheme}://{url.Authority}/{path}{trailingSlash}{url.Query}{url.Fragment}");
    }

    private static bool IsLocaleSegment(string segment)
    {
        var parts = segment.Split('-');
        return parts.Length == 2 && parts[0].Length == 2 && parts[1].Length is 2 or 4 && segment.All(c => char.IsAsciiLetter(c) || c == '-');
    }
}
