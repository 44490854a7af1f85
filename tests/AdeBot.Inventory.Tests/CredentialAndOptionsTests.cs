using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace AdeBot.Inventory.Tests;

public sealed class CredentialAndOptionsTests : IDisposable
{
    private const string Password = "pfx-password";
    private readonly string _pfxPath = Path.Combine(Path.GetTempPath(), $"adebot-test-{Guid.NewGuid():N}.pfx");
    private readonly string _missing = Path.Combine(Path.GetTempPath(), $"adebot-missing-{Guid.NewGuid():N}.json");

    public CredentialAndOptionsTests()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=AdeBot test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow(); // the certificate must be valid on the real clock that signs the assertion
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        File.WriteAllBytes(_pfxPath, certificate.Export(X509ContentType.Pfx, Password));
    }

    public void Dispose() => File.Delete(_pfxPath);

    [Fact]
    public async Task A_certificate_credential_signs_its_token_request_with_the_configured_certificate()
    {
        var network = new FakeNetwork().HealthyTenant();
        using var host = InventoryTestHost.Create(new Dictionary<string, string?>
        {
            ["Graph:TenantId"] = "contoso.onmicrosoft.com",
            ["Graph:ClientId"] = InventoryTestHost.ClientId,
            ["Graph:CertificatePath"] = _pfxPath,
            ["Graph:CertificatePassword"] = Password,
        }, network);

        var reading = await host.ReadAsync("contoso.onmicrosoft.com");

        Assert.True(reading.Succeeded);
        var body = Assert.Single(network.TokenRequests).Body!;
        Assert.Contains("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer", body);
        Assert.DoesNotContain(Password, host.Logs.AllText);
    }

    [Theory]
    [InlineData(nameof(GraphCredentialKind.ClientSecret), typeof(ClientSecretCredential))]
    [InlineData(nameof(GraphCredentialKind.CertificateFile), typeof(ClientCertificateCredential))]
    [InlineData(nameof(GraphCredentialKind.ManagedIdentity), typeof(ManagedIdentityCredential))]
    public void The_credential_kind_follows_configuration(string kindName, Type expected)
    {
        var kind = Enum.Parse<GraphCredentialKind>(kindName);
        var tenant = new GraphTenantOptions
        {
            TenantId = InventoryTestHost.TenantA,
            ClientId = InventoryTestHost.ClientId,
            ClientSecret = kind == GraphCredentialKind.ClientSecret ? "s" : null,
            CertificatePath = kind == GraphCredentialKind.CertificateFile ? _pfxPath : null,
            CertificatePassword = kind == GraphCredentialKind.CertificateFile ? Password : null,
            UseManagedIdentity = kind == GraphCredentialKind.ManagedIdentity,
        };

        var credential = GraphCredentials.Create(tenant, new Uri("https://login.microsoftonline.us/"), new GraphNetwork());

        Assert.IsType(expected, credential);
    }

    public static TheoryData<string, string?, string> InvalidSettings => new()
    {
        { "Graph:ClientId", null, "Graph:ClientId must be the app registration's application (client) id GUID" },
        { "Graph:TenantId", null, "Graph:TenantId is required when Graph:ClientId or a credential is set" },
        { "Graph:TenantId", "not a tenant!", "Graph:TenantId must be a directory (tenant) id GUID or a domain" },
        { "Graph:CertificateThumbprint", "0123456789ABCDEF0123456789ABCDEF01234567", "Graph sets more than one credential (ClientSecret, CertificateStore)" },
        { "Graph:ClientSecret", null, "Graph needs a credential" },
        { "Graph:CertificatePassword", "x", "Graph:CertificatePassword is set without Graph:CertificatePath" },
        { "Graph:ManagedIdentityClientId", "x", "Graph:ManagedIdentityClientId is set but Graph:UseManagedIdentity is false" },
        { "Graph:Endpoint", "http://graph.microsoft.com", "Graph:Endpoint must be an https URL with no path" },
        { "Graph:AuthorityHost", "https://login.microsoftonline.com/tenant", "Graph:AuthorityHost must be an https URL with no path" },
        { "Graph:SnapshotCacheMinutes", "-1", "Graph:SnapshotCacheMinutes must be between 0" },
        { "Graph:ForcedRefreshMinimumAgeSeconds", "-1", "Graph:ForcedRefreshMinimumAgeSeconds must be between 0" },
        { "Graph:RequestTimeoutSeconds", "0", "Graph:RequestTimeoutSeconds must be between 1 and 600" },
        { "Graph:ReplayLatencyMilliseconds", "-1", "Graph:ReplayLatencyMilliseconds must be 0 (answer at once) or more" },
        { "Graph:Tenants:0:ClientId", InventoryTestHost.ClientId, "Graph:Tenants:0:TenantId is required" },
        { "Graph:Tenants:0:TenantId", InventoryTestHost.TenantA, "Graph:Tenants:0:TenantId 11111111-1111-1111-1111-111111111111 is configured more than once" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Invalid_settings_stop_the_start_with_a_message_naming_the_key(string key, string? value, string message)
    {
        var settings = InventoryTestHost.OneTenant((key, value));
        if (key.StartsWith("Graph:Tenants:0", StringComparison.Ordinal)) settings["Graph:Tenants:0:ClientSecret"] = "s";
        using var host = InventoryTestHost.Create(settings, new FakeNetwork());

        var error = Assert.Throws<OptionsValidationException>(() => host.ValidatedOptions);

        Assert.Contains(error.Failures, f => f.Contains(message, StringComparison.Ordinal));
        Assert.DoesNotContain(error.Failures, f => f.Contains(InventoryTestHost.ClientSecret, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_replay_or_certificate_file_is_reported_at_start()
    {
        using var host = InventoryTestHost.Create(new Dictionary<string, string?>
        {
            ["Graph:ReplayPath"] = _missing,
            ["Graph:TenantId"] = InventoryTestHost.TenantA,
            ["Graph:ClientId"] = InventoryTestHost.ClientId,
            ["Graph:CertificatePath"] = _missing,
        }, new FakeNetwork());

        var error = Assert.Throws<OptionsValidationException>(() => host.ValidatedOptions);

        Assert.Contains(error.Failures, f => f.StartsWith("Graph:ReplayPath points to a file that does not exist", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Graph:CertificatePath points to a file that does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_certificate_password_is_reported_at_start()
    {
        using var host = InventoryTestHost.Create(new Dictionary<string, string?>
        {
            ["Graph:TenantId"] = InventoryTestHost.TenantA,
            ["Graph:ClientId"] = InventoryTestHost.ClientId,
            ["Graph:CertificatePath"] = _pfxPath,
            ["Graph:CertificatePassword"] = "wrong",
        }, new FakeNetwork());

        var error = Assert.Throws<OptionsValidationException>(() => host.ValidatedOptions);

        Assert.Contains(error.Failures, f => f.Contains("the certificate could not be loaded", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Failures, f => f.Contains("wrong", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Graph:UseManagedIdentity", "true", "Graph:ClientSecret")]
    [InlineData("Graph:Tenants:0:UseManagedIdentity", "true", "Graph:Tenants:0:TenantId")]
    public void Valid_settings_pass(string key, string value, string otherKey)
    {
        var settings = InventoryTestHost.OneTenant((key, value));
        if (otherKey == "Graph:ClientSecret") settings.Remove(otherKey);
        else settings[otherKey] = InventoryTestHost.TenantB;

        using var host = InventoryTestHost.Create(settings, new FakeNetwork());

        Assert.Equal(InventoryTestHost.TenantA, host.ValidatedOptions.TenantId);
        Assert.Equal(new Uri("https://graph.microsoft.com"), host.ValidatedOptions.Endpoint);
        Assert.Equal(5, host.ValidatedOptions.SnapshotCacheMinutes);
        Assert.Equal(30, host.ValidatedOptions.RequestTimeoutSeconds);
    }
}
