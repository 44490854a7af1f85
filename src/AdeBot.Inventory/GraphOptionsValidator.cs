using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AdeBot.Inventory;

/// Start-up checks for the "Graph" section, so a wrong setting stops the host with a message that
/// names the key instead of surfacing later as a failed read. Messages never contain secret values.
internal sealed partial class GraphOptionsValidator(ReplayFile replay) : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        List<string> errors = [];
        RequireHttpsRoot(options.Endpoint, "Graph:Endpoint", errors);
        RequireHttpsRoot(options.AuthorityHost, "Graph:AuthorityHost", errors);
        if (options.SnapshotCacheMinutes is < 0 or > 1440)
            errors.Add("Graph:SnapshotCacheMinutes must be between 0 (no cache) and 1440.");
        if (options.ForcedRefreshMinimumAgeSeconds is < 0 or > 3600)
            errors.Add("Graph:ForcedRefreshMinimumAgeSeconds must be between 0 (every Check again reads Graph) and 3600.");
        if (options.RequestTimeoutSeconds is < 1 or > 600)
            errors.Add("Graph:RequestTimeoutSeconds must be between 1 and 600.");
        if (options.ReplayLatencyMilliseconds < 0)
            errors.Add("Graph:ReplayLatencyMilliseconds must be 0 (answer at once) or more.");
        ValidateReplay(options.ReplayPath, errors);

        if (string.IsNullOrEmpty(options.TenantId) && options.Tenants.Count == 0 && options.HasAnyCredentialSetting)
            errors.Add("Graph:TenantId is required when Graph:ClientId or a credential is set (or list tenants under Graph:Tenants).");

        HashSet<string> seen = new(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, tenant) in options.ConfiguredTenants)
        {
            ValidateTenant(path, tenant, errors);
            if (!string.IsNullOrEmpty(tenant.TenantId) && !seen.Add(tenant.TenantId))
                errors.Add($"{path}:TenantId {tenant.TenantId} is configured more than once.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateTenant(string path, GraphTenantOptions tenant, List<string> errors)
    {
        if (string.IsNullOrEmpty(tenant.TenantId))
        {
            errors.Add($"{path}:TenantId is required.");
            return;
        }
        if (!Guid.TryParse(tenant.TenantId, out _) && !DomainName().IsMatch(tenant.TenantId))
            errors.Add($"{path}:TenantId must be a directory (tenant) id GUID or a domain such as contoso.onmicrosoft.com.");

        var kinds = tenant.CredentialKinds;
        if (kinds.Count == 0)
            errors.Add($"{path} needs a credential: ClientSecret, CertificatePath, CertificateThumbprint or UseManagedIdentity.");
        else if (kinds.Count > 1)
            errors.Add($"{path} sets more than one credential ({string.Join(", ", kinds)}); keep exactly one.");

        // A managed identity is its own application, so only app registrations need a client id.
        var needsClientId = kinds.Any(k => k != GraphCredentialKind.ManagedIdentity);
        if (needsClientId && !Guid.TryParse(tenant.ClientId, out _))
            errors.Add($"{path}:ClientId must be the app registration's application (client) id GUID.");
        if (!string.IsNullOrEmpty(tenant.CertificatePassword) && string.IsNullOrEmpty(tenant.CertificatePath))
            errors.Add($"{path}:CertificatePassword is set without {path}:CertificatePath.");
        if (!string.IsNullOrEmpty(tenant.ManagedIdentityClientId) && !tenant.UseManagedIdentity)
            errors.Add($"{path}:ManagedIdentityClientId is set but {path}:UseManagedIdentity is false.");

        if (kinds is [GraphCredentialKind.CertificateFile] && !File.Exists(tenant.CertificatePath))
            errors.Add($"{path}:CertificatePath points to a file that does not exist: {tenant.CertificatePath}");
        else if (kinds is [GraphCredentialKind.CertificateFile or GraphCredentialKind.CertificateStore])
            TryLoadCertificate(path, tenant, errors);
    }

    private static void TryLoadCertificate(string path, GraphTenantOptions tenant, List<string> errors)
    {
        try
        {
            using var certificate = GraphCredentials.LoadCertificate(tenant);
            if (!certificate.HasPrivateKey)
                errors.Add($"{path}: the certificate has no private key; AdeBot signs its sign-in requests with it.");
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            errors.Add($"{path}: the certificate could not be loaded ({ex.GetType().Name}); check the file, password or thumbprint.");
        }
    }

    private void ValidateReplay(string? replayPath, List<string> errors)
    {
        if (string.IsNullOrEmpty(replayPath)) return;
        if (!File.Exists(replayPath))
        {
            errors.Add($"Graph:ReplayPath points to a file that does not exist: {replayPath}");
            return;
        }
        try
        {
            replay.Answers(replayPath);
        }
        catch (InvalidDataException ex)
        {
            errors.Add($"Graph:ReplayPath is not a valid recording: {ex.Message}");
        }
    }

    private static void RequireHttpsRoot(Uri? uri, string key, List<string> errors)
    {
        if (uri is not { IsAbsoluteUri: true } || uri.Scheme != Uri.UriSchemeHttps || uri.AbsolutePath != "/" || uri.Query != "")
            errors.Add($"{key} must be an https URL with no path, e.g. https://graph.microsoft.com.");
    }

    [GeneratedRegex(@"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DomainName();
}
