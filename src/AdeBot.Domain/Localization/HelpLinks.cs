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
