using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AdeBot.Connector;

internal sealed class BotOptionsValidator(IHostEnvironment? environment = null, IConfiguration? configuration = null) : IValidateOptions<BotOptions>
{
    private const string Prefix = BotOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        List<string> failures = [];
        ValidateLocalMode(options, failures);
        ValidateCredentials(options, failures);
        ValidateEndpoints(options, failures);
        ValidateLimits(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateLocalMode(BotOptions options, List<string> failures)
    {
        if (!options.AllowUnauthenticatedLocalRequests)
        {
            if (!options.HasAppId)
                failures.Add($"{Prefix}AppId is required. A missing app id never disables authentication; "
                    + $"for local development without one set {Prefix}AllowUnauthenticatedLocalRequests=true.");
            return;
        }

        var isDevelopment = environment?.IsDevelopment() ?? false;
        if (!isDevelopment && !options.ForceUnauthenticatedOutsideDevelopment)
            failures.Add($"{Prefix}AllowUnauthenticatedLocalRequests is refused outside the Development environment "
                + $"(environment: {environment?.EnvironmentName ?? "unknown"}). Set {Prefix}ForceUnauthenticatedOutsideDevelopment=true to insist.");

        foreach (var (setting, address) in ListenAddresses(configuration))
        {
            if (!IsLoopbackListenAddress(address))
                failures.Add($"{Prefix}AllowUnauthenticatedLocalRequests needs every listen address on loopback; {setting} has '{address}'. "
                    + "Listen on http://localhost or http://127.0.0.1 only, or turn local mode off.");
        }
    }

    // Where Kestrel takes its addresses from configuration: urls (ASPNETCORE_URLS, --urls), http_ports
    // and https_ports (ASPNETCORE_HTTP_PORTS: every interface), and Kestrel:Endpoints.
    private static IEnumerable<(string Setting, string Address)> ListenAddresses(IConfiguration? configuration)
    {
        if (configuration is null) yield break;
        foreach (var url in (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            yield return ("urls (ASPNETCORE_URLS)", url);
        foreach (var key in new[] { "http_ports", "https_ports" })
        {
            foreach (var port in (configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                yield return ($"{key} (ASPNETCORE_{key.ToUpperInvariant()})", $"*:{port}");
        }
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url) yield return ($"Kestrel:Endpoints:{endpoint.Key}:Url", url);
        }
    }

    // Kestrel binds every interface for '*', '+', 0.0.0.0, [::] and any host name but localhost.
    internal static bool IsLoopbackListenAddress(string address)
    {
        BindingAddress parsed;
        try
        {
            parsed = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return false;
        }
        if (parsed.IsNamedPipe || parsed.IsUnixPipe) return true;
        var host = parsed.Host;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    private static void ValidateCredentials(BotOptions options, List<string> failures)
    {
        if (!options.HasAppId) return;

        var hasSecret = !string.IsNullOrWhiteSpace(options.ClientSecret);
        var hasCertificate = !string.IsNullOrWhiteSpace(options.CertificatePath);
        var hasTenant = !string.IsNullOrWhiteSpace(options.TenantId);

        switch (options.AppType)
        {
            case BotAppType.MultiTenant:
                if (!hasSecret) failures.Add($"{Prefix}ClientSecret is required for AppType MultiTenant.");
                if (hasCertificate) failures.Add($"{Prefix}CertificatePath is not used by AppType MultiTenant; use SingleTenant for certificates.");
                break;
            case BotAppType.SingleTenant:
                if (!hasTenant) failures.Add($"{Prefix}TenantId is required for AppType SingleTenant.");
                if (hasSecret == hasCertificate)
                    failures.Add($"{Prefix}ClientSecret or {Prefix}CertificatePath (exactly one) is required for AppType SingleTenant.");
                break;
            case BotAppType.UserAssignedMsi:
                if (!hasTenant) failures.Add($"{Prefix}TenantId is required for AppType UserAssignedMSI.");
                if (hasSecret || hasCertificate)
                    failures.Add($"{Prefix}ClientSecret and {Prefix}CertificatePath must be empty for AppType UserAssignedMSI; the managed identity is the credential.");
                break;
            default:
                failures.Add($"{Prefix}AppType must be MultiTenant, SingleTenant or UserAssignedMSI.");
                break;
        }

        if (hasCertificate && !File.Exists(options.CertificatePath))
            failures.Add($"{Prefix}CertificatePath points to a file that does not exist.");
    }

    private static void ValidateEndpoints(BotOptions options, List<string> failures)
    {
        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out var metadata)
            || !(metadata.Scheme == Uri.UriSchemeHttps || (metadata.Scheme == Uri.UriSchemeHttp && metadata.IsLoopback)))
            failures.Add($"{Prefix}OpenIdMetadataUrl must be an absolute https URL (plain http only on loopback).");

        if (string.IsNullOrWhiteSpace(options.TokenIssuer)) failures.Add($"{Prefix}TokenIssuer is required.");
        if (string.IsNullOrWhiteSpace(options.ConnectorScope)) failures.Add($"{Prefix}ConnectorScope is required.");

        var hosts = options.AllowedServiceUrlHosts ?? [];
        foreach (var pattern in hosts)
        {
            if (pattern == BotOptions.AnyServiceUrlHost)
            {
                if (hosts.Length > 1)
                    failures.Add($"{Prefix}AllowedServiceUrlHosts entry '*' allows any host and must be the only entry.");
            }
            else if (!ServiceUrlPolicy.IsValidHostPattern(pattern))
            {
                failures.Add($"{Prefix}AllowedServiceUrlHosts entry '{pattern}' must be a host name, '*.suffix', or '*' alone for any host.");
            }
            else if (ServiceUrlPolicy.HostMatches(pattern, "anyone-can-create-this.trafficmanager.net"))
            {
                failures.Add($"{Prefix}AllowedServiceUrlHosts entry '{pattern}' would trust every Azure Traffic Manager profile, which anyone can create; list smba.trafficmanager.net instead.");
            }
        }
    }

    private static void ValidateLimits(BotOptions options, List<string> failures)
    {
        if (options.MaxRequestBytes is < 1_024 or > 16 * 1_024 * 1_024)
            failures.Add($"{Prefix}MaxRequestBytes must be between 1024 and 16777216.");
        if (options.MaxConcurrentConnections is < 1 or > 1_000_000)
            failures.Add($"{Prefix}MaxConcurrentConnections must be between 1 and 1000000.");
        if (options.MaxRequestsPerSecond is < 1 or > 1_000_000)
            failures.Add($"{Prefix}MaxRequestsPerSecond must be between 1 and 1000000.");
        if (options.AuthenticationFailureLogIntervalSeconds is < 1 or > 3_600)
            failures.Add($"{Prefix}AuthenticationFailureLogIntervalSeconds must be between 1 and 3600.");
        if (options.OutboundMaxRetries is < 0 or > 10)
            failures.Add($"{Prefix}OutboundMaxRetries must be between 0 and 10.");
        if (options.OutboundMaxRetryAfterSeconds is < 1 or > 3_600)
            failures.Add($"{Prefix}OutboundMaxRetryAfterSeconds must be between 1 and 3600.");
        if (options.InteractiveReplyMaxWaitSeconds is < 0 or > 600)
            failures.Add($"{Prefix}InteractiveReplyMaxWaitSeconds must be between 0 and 600.");
    }
}
