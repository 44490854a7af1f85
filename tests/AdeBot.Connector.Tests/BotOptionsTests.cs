using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AdeBot.Connector.Tests.Infrastructure;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdeBot.Connector.Tests;

public sealed class BotOptionsTests
{
    public static TheoryData<string, string?> Settings => new()
    {
        // "key=value;key=value" of settings under Bot:, and the failure fragment expected (null: valid)
        { "AppId=app;ClientSecret=s", null },
        { "AppId=app;AppType=MultiTenant", "ClientSecret is required for AppType MultiTenant" },
        { "AppId=app;AppType=SingleTenant;ClientSecret=s", "TenantId is required for AppType SingleTenant" },
        { "AppId=app;AppType=SingleTenant;TenantId=t", "exactly one" },
        { "AppId=app;AppType=SingleTenant;TenantId=t;ClientSecret=s", null },
        { "AppId=app;AppType=SingleTenant;TenantId=t;ClientSecret=s;CertificatePath=/nowhere/bot.pem", "exactly one" },
        { "AppId=app;AppType=SingleTenant;TenantId=t;CertificatePath=/nowhere/bot.pem", "does not exist" },
        { "AppId=app;AppType=UserAssignedMSI;TenantId=t", null },
        { "AppId=app;AppType=UserAssignedMSI;TenantId=t;ClientSecret=s", "must be empty for AppType UserAssignedMSI" },
        { "AppId=app;AppType=UserAssignedMSI", "TenantId is required for AppType UserAssignedMSI" },
        { "ClientSecret=s", "Bot:AppId is required" },
        { "AllowUnauthenticatedLocalRequests=true", null },
        { "AppId=app;ClientSecret=s;OpenIdMetadataUrl=http://login.example.com/openid", "OpenIdMetadataUrl must be an absolute https URL" },
        { "AppId=app;ClientSecret=s;OpenIdMetadataUrl=http://127.0.0.1:5000/openid", null },
        { "AppId=app;ClientSecret=s;AllowedServiceUrlHosts:0=*", null },
        { "AppId=app;ClientSecret=s;AllowedServiceUrlHosts:0=*;AllowedServiceUrlHosts:1=smba.trafficmanager.net", "entry '*' allows any host and must be the only entry" },
        { "AppId=app;ClientSecret=s;AllowedServiceUrlHosts:0=*.trafficmanager.net", "would trust every Azure Traffic Manager profile" },
        { "AppId=app;ClientSecret=s;AllowedServiceUrlHosts:0=**", "AllowedServiceUrlHosts entry '**'" },
        { "AppId=app;ClientSecret=s;AllowedServiceUrlHosts:0=https://smba.trafficmanager.net/", "AllowedServiceUrlHosts entry" },
        { "AppId=app;ClientSecret=s;AllowedServiceUrlHosts:0=*.botframework.com;AllowedServiceUrlHosts:1=smba.trafficmanager.net", null },
        { "AppId=app;ClientSecret=s;MaxRequestBytes=0", "MaxRequestBytes must be between" },
        { "AppId=app;ClientSecret=s;OutboundMaxRetries=11", "OutboundMaxRetries must be between" },
        { "AppId=app;ClientSecret=s;MaxConcurrentConnections=0", "Bot:MaxConcurrentConnections must be between" },
        { "AppId=app;ClientSecret=s;MaxConcurrentConnections=20000", null },
        { "AppId=app;ClientSecret=s;MaxRequestsPerSecond=0", "Bot:MaxRequestsPerSecond must be between" },
        { "AppId=app;ClientSecret=s;MaxRequestsPerSecond=2000000", "Bot:MaxRequestsPerSecond must be between" },
        { "AppId=app;ClientSecret=s;MaxRequestsPerSecond=1", null },
        { "AppId=app;ClientSecret=s;AuthenticationFailureLogIntervalSeconds=0", "Bot:AuthenticationFailureLogIntervalSeconds must be between" },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Configuration_is_validated_at_start(string settings, string? expectedFailure)
    {
        using var services = ConnectorServices.Build(Parse(settings));

        var failure = Record.Exception(() => services.GetRequiredService<IOptions<BotOptions>>().Value);

        if (expectedFailure is null)
        {
            Assert.Null(failure);
        }
        else
        {
            var validation = Assert.IsType<OptionsValidationException>(failure);
            Assert.Contains(expectedFailure, validation.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Defaults_point_at_the_public_bot_framework_and_keep_auth_on()
    {
        var options = new BotOptions();

        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.OpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.com", options.TokenIssuer);
        Assert.Equal(262_144, options.MaxRequestBytes);
        Assert.False(options.AllowUnauthenticatedLocalRequests);
        Assert.Empty(options.AllowedServiceUrlHosts);
        Assert.Equal(["smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com", "*.teams.microsoft.us", "*.botframework.com"],
            options.EffectiveServiceUrlHosts);
        Assert.False(options.AllowsAnyServiceUrlHost);
    }

    [Fact]
    public void A_configured_allow_list_replaces_the_Teams_hosts_instead_of_adding_to_them()
    {
        using var services = ConnectorServices.Build(Parse("AppId=app;ClientSecret=s;AllowedServiceUrlHosts:0=bots.contoso.example"));

        Assert.Equal(["bots.contoso.example"], services.GetRequiredService<IOptions<BotOptions>>().Value.EffectiveServiceUrlHosts);
    }

    [Theory]
    [InlineData("AppId=app;AppType=MultiTenant;ClientSecret=s", typeof(ClientSecretCredential))]
    [InlineData("AppId=app;AppType=SingleTenant;TenantId=t;ClientSecret=s", typeof(ClientSecretCredential))]
    [InlineData("AppId=app;AppType=SingleTenant;TenantId=t;CertificatePath={pem}", typeof(ClientCertificateCredential))]
    [InlineData("AppId=app;AppType=UserAssignedMSI;TenantId=t", typeof(ManagedIdentityCredential))]
    public void Each_app_type_gets_its_azure_identity_credential(string settings, Type expected)
    {
        var pem = Path.Combine(Path.GetTempPath(), $"adebot-protocol-{Guid.NewGuid():N}.pem");
        try
        {
            WriteCertificatePem(pem);
            using var services = ConnectorServices.Build(Parse(settings.Replace("{pem}", pem, StringComparison.Ordinal)));

            var credential = services.GetRequiredKeyedService<TokenCredential>(BotConnectorServiceKeys.Credential);

            Assert.IsType(expected, credential);
        }
        finally
        {
            File.Delete(pem);
        }
    }

    private static Dictionary<string, string?> Parse(string settings) =>
        settings.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => "Bot:" + pair[0], pair => (string?)pair[1]);

    private static void WriteCertificatePem(string path)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=adebot-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem());
    }
}
