namespace AdeBot.Inventory;

/// How AdeBot signs in to one Intune tenant. Exactly one credential kind is set: a client secret,
/// a certificate file, a certificate in the machine's store, or a managed identity.
public class GraphTenantOptions
{
    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
    public string? CertificateThumbprint { get; set; }
    public bool UseManagedIdentity { get; set; }
    /// A user-assigned identity's client id; empty means the system-assigned identity.
    public string? ManagedIdentityClientId { get; set; }

    internal IReadOnlyList<GraphCredentialKind> CredentialKinds
    {
        get
        {
            List<GraphCredentialKind> kinds = [];
            if (!string.IsNullOrEmpty(ClientSecret)) kinds.Add(GraphCredentialKind.ClientSecret);
            if (!string.IsNullOrEmpty(CertificatePath)) kinds.Add(GraphCredentialKind.CertificateFile);
            if (!string.IsNullOrEmpty(CertificateThumbprint)) kinds.Add(GraphCredentialKind.CertificateStore);
            if (UseManagedIdentity) kinds.Add(GraphCredentialKind.ManagedIdentity);
            return kinds;
        }
    }

    /// A Tenants entry without its own credential uses the top-level one (an MSP's multi-tenant app
    /// registration, consented in every customer tenant); without its own ClientId, the top-level ClientId.
    internal GraphTenantOptions InheritingFrom(GraphTenantOptions shared)
    {
        var own = CredentialKinds.Count > 0 ? this : shared;
        return new GraphTenantOptions
        {
            TenantId = TenantId,
            ClientId = string.IsNullOrEmpty(ClientId) ? shared.ClientId : ClientId,
            ClientSecret = own.ClientSecret,
            CertificatePath = own.CertificatePath,
            CertificatePassword = own.CertificatePassword,
            CertificateThumbprint = own.CertificateThumbprint,
            UseManagedIdentity = own.UseManagedIdentity,
            ManagedIdentityClientId = own.ManagedIdentityClientId,
        };
    }

    internal bool HasAnyCredentialSetting =>
        !string.IsNullOrEmpty(ClientId) || CredentialKinds.Count > 0
        || !string.IsNullOrEmpty(CertificatePassword) || !string.IsNullOrEmpty(ManagedIdentityClientId);
}

/// The "Graph" configuration section. The top-level credentials are one tenant (when TenantId is
/// set); `Tenants` adds more, for an MSP watching its customers, each with its own credential or the
/// top-level one. With no tenant at all AdeBot serves the built-in sample tenant, and `ReplayPath`
/// replaces that sample with a recording.
public sealed class GraphOptions : GraphTenantOptions
{
    public const string SectionName = "Graph";

    /// National clouds change this, e.g. https://graph.microsoft.us or https://microsoftgraph.chinacloudapi.cn.
    public Uri Endpoint { get; set; } = new("https://graph.microsoft.com");

    /// National clouds change this, e.g. https://login.microsoftonline.us/ or https://login.chinacloudapi.cn/.
    public Uri AuthorityHost { get; set; } = new("https://login.microsoftonline.com/");

    public string? ReplayPath { get; set; }

    /// How long each replayed answer takes (an entry's own delayMs wins), on the host's clock, so a
    /// benchmark or test can model real Graph's few hundred milliseconds a request. 0: at once.
    public int ReplayLatencyMilliseconds { get; set; }

    public int SnapshotCacheMinutes { get; set; } = 5;

    /// "Check again" reads Graph afresh only when the cached snapshot is at least this old; a click
    /// (or a script) inside it gets the cached one, so clicking cannot keep a tenant at Intune's throttle.
    public int ForcedRefreshMinimumAgeSeconds { get; set; } = 60;

    public int RequestTimeoutSeconds { get; set; } = 30;

    public List<GraphTenantOptions> Tenants { get; set; } = [];

    /// Every tenant with credentials, with the configuration path its settings came from.
    internal IEnumerable<(string ConfigPath, GraphTenantOptions Tenant)> ConfiguredTenants
    {
        get
        {
            if (!string.IsNullOrEmpty(TenantId)) yield return (SectionName, this);
            for (var i = 0; i < Tenants.Count; i++) yield return ($"{SectionName}:Tenants:{i}", Tenants[i].InheritingFrom(this));
        }
    }

    /// How old a cached answer must be before a forced refresh reads again; never longer than the cache itself.
    internal TimeSpan ForcedRefreshMinimumAge =>
        TimeSpan.FromSeconds(Math.Min(ForcedRefreshMinimumAgeSeconds, SnapshotCacheMinutes * 60L));

    internal string GraphRoot => Endpoint.GetLeftPart(UriPartial.Authority);
}

internal enum GraphCredentialKind { ClientSecret, CertificateFile, CertificateStore, ManagedIdentity }
