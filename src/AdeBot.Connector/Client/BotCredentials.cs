using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;

namespace AdeBot.Connector;

public static class BotConnectorServiceKeys
{
    /// Key of the <see cref="TokenCredential"/> that signs outbound Connector calls. Register another
    /// keyed singleton under it to replace the one built from configuration.
    public const string Credential = "AdeBot.Connector.Credential";

    /// Name of the HttpClient for Connector calls (IHttpClientFactory).
    public const string HttpClientName = "AdeBot.Connector";
}

internal static class BotCredentialFactory
{
    // MultiTenant bots get their token from the botframework.com tenant (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication).
    private const string MultiTenantAuthority = "botframework.com";

    public static TokenCredential Create(BotOptions options)
    {
        if (!options.HasAppId)
            throw new InvalidOperationException("Bot:AppId is not configured, so the bot has no outbound credential.");

        return options.AppType switch
        {
            BotAppType.MultiTenant => new ClientSecretCredential(MultiTenantAuthority, options.AppId, options.ClientSecret),
            BotAppType.SingleTenant when !string.IsNullOrWhiteSpace(options.CertificatePath) =>
                new ClientCertificateCredential(options.TenantId, options.AppId, LoadCertificate(options.CertificatePath, options.CertificatePassword)),
            BotAppType.SingleTenant => new ClientSecretCredential(options.TenantId, options.AppId, options.ClientSecret),
            BotAppType.UserAssignedMsi => new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.AppId)),
            _ => throw new InvalidOperationException($"Unsupported Bot:AppType {options.AppType}."),
        };
    }

    private static X509Certificate2 LoadCertificate(string path, string? password) =>
        string.Equals(Path.GetExtension(path), ".pem", StringComparison.OrdinalIgnoreCase)
            ? X509Certificate2.CreateFromPemFile(path)
            : X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(password) ? null : password);
}
