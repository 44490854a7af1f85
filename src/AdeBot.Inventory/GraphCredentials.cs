using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace AdeBot.Inventory;

/// Turns a tenant's credential settings into an Azure.Identity credential. Token requests leave
/// through the same network edge as Graph requests, so a test can answer both.
internal static class GraphCredentials
{
    public static TokenCredential Create(GraphTenantOptions tenant, Uri authorityHost, GraphNetwork network)
    {
        var kind = tenant.CredentialKinds is [var only] ? only
            : throw new InvalidOperationException($"Tenant {tenant.TenantId} needs exactly one credential kind.");
        return kind switch
        {
            GraphCredentialKind.ClientSecret => new ClientSecretCredential(tenant.TenantId, tenant.ClientId, tenant.ClientSecret,
                Configure(new ClientSecretCredentialOptions(), authorityHost, network)),
            GraphCredentialKind.CertificateFile or GraphCredentialKind.CertificateStore => new ClientCertificateCredential(
                tenant.TenantId, tenant.ClientId, LoadCertificate(tenant),
                Configure(new ClientCertificateCredentialOptions(), authorityHost, network)),
            GraphCredentialKind.ManagedIdentity => new ManagedIdentityCredential(Configure(
                new ManagedIdentityCredentialOptions(string.IsNullOrEmpty(tenant.ManagedIdentityClientId)
                    ? ManagedIdentityId.SystemAssigned
                    : ManagedIdentityId.FromUserAssignedClientId(tenant.ManagedIdentityClientId)),
                authorityHost, network)),
            _ => throw new InvalidOperationException($"Unknown credential kind {kind}."),
        };
    }

    /// A PFX/PKCS#12 file (optionally password-protected), a PEM file holding certificate and private
    /// key (optionally encrypted), or a certificate with private key in the CurrentUser or LocalMachine "My" store.
    public static X509Certificate2 LoadCertificate(GraphTenantOptions tenant)
    {
        if (!string.IsNullOrEmpty(tenant.CertificatePath))
        {
            var path = tenant.CertificatePath;
            var password = tenant.CertificatePassword;
            if (IsPem(path))
            {
                return string.IsNullOrEmpty(password)
                    ? X509Certificate2.CreateFromPemFile(path)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, password);
            }
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        if (!string.IsNullOrEmpty(tenant.CertificateThumbprint))
        {
            return FindInStores(tenant.CertificateThumbprint)
                ?? throw new InvalidOperationException($"No certificate with a private key and thumbprint {tenant.CertificateThumbprint} is in the CurrentUser or LocalMachine 'My' store.");
        }
        throw new InvalidOperationException($"Tenant {tenant.TenantId} has no certificate configured.");
    }

    private static T Configure<T>(T options, Uri authorityHost, GraphNetwork network) where T : TokenCredentialOptions
    {
        options.AuthorityHost = authorityHost;
        if (network.Handler is { } handler) options.Transport = new HttpClientTransport(handler);
        return options;
    }

    private static bool IsPem(string path)
    {
        Span<byte> start = stackalloc byte[64];
        using var file = File.OpenRead(path);
        var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return System.Text.Encoding.ASCII.GetString(start[..read]).TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal);
    }

    private static X509Certificate2? FindInStores(string thumbprint)
    {
        foreach (var location in (StoreLocation[])[StoreLocation.CurrentUser, StoreLocation.LocalMachine])
        {
            using var store = new X509Store(StoreName.My, location);
            try
            {
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                continue; // This store does not exist on this machine (common for LocalMachine on Linux).
            }
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            var match = found.FirstOrDefault(c => c.HasPrivateKey);
            foreach (var other in found.Where(c => !ReferenceEquals(c, match))) other.Dispose();
            if (match is not null) return match;
        }
        return null;
    }
}

/// Where Graph and sign-in requests leave the process: the platform's HTTP stack in production.
/// Tests put a fake HttpMessageHandler here — the only fake the inventory's tests use.
internal sealed class GraphNetwork(HttpMessageHandler? handler = null)
{
    public HttpMessageHandler? Handler { get; } = handler;
}
