namespace AdeBot.Domain.Remediation;

/// Menu paths that several remediation steps share, as the portals label them in English.
/// They are the composite-format arguments {0}–{7} of every Title, Cause and Step resource, so a
/// portal rename is one edit here instead of one per sentence and language.
internal static class PortalPaths
{
    /// {0} Intune admin center, ADE enrollment program tokens.
    public const string AdeTokens = "**Devices** > **Enrollment** > **Apple (mobile)** > **Bulk Enrollment Methods** > **Enrollment program tokens**";

    /// {1} Intune admin center, Apps and Books (VPP) location tokens.
    public const string VppTokens = "**Tenant administration** > **Connectors and tokens** > **Apple VPP tokens**";

    /// {2} Intune admin center, the Apple MDM push certificate.
    public const string ApnsCertificate = "**Devices** > **Enrollment** > **Apple (mobile)** > **Apple MDM Push Certificate**";

    /// {3} Apple Business (the 2026 interface), where MDM servers are now "management services".
    public const string AppleBusinessMdmServers = "**Devices** > **Management Services**";

    /// {4} Apple School Manager and the older Apple Business Manager: account menu > Preferences.
    public const string SchoolManagerMdmServers = "**Preferences** > **Your MDM Servers**";

    /// {5} Apple Business Manager / Apple School Manager, location (content) tokens.
    public const string ContentTokens = "**Preferences** > **Payments and Billing** > **Apps and Books** > **Content Tokens**";

    /// {6} Intune admin center, every managed device (where a device record is wiped, retired or deleted).
    public const string AllDevices = "**Devices** > **All devices**";

    /// {7} Intune admin center, the enrollment restrictions that allow or block a platform.
    public const string PlatformRestrictions = "**Devices** > **Enrollment** > **Device platform restriction**";

    public static object[] Arguments { get; } = [AdeTokens, VppTokens, ApnsCertificate, AppleBusinessMdmServers, SchoolManagerMdmServers, ContentTokens, AllDevices, PlatformRestrictions];
}
