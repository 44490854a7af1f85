using Microsoft.Extensions.Options;

namespace AdeBot.Connector;

/// A serviceUrl the bot may talk to, normalised to end with '/' so relative paths keep its prefix
/// (/amer/, /teams/). <see cref="SendsToken"/> is false for local anonymous conversations.
internal sealed record TrustedServiceUrl(Uri BaseUri, bool SendsToken);

/// Decides whether a serviceUrl may be used at all. The signed serviceurl claim of the inbound token
/// (see BotTokenValidator) is the real protection; this is defence in depth: https outside local mode,
/// the host allow-list (Teams' hosts unless configured), and no credentials or fragments smuggled into the URL.
internal sealed class ServiceUrlPolicy(IOptions<BotOptions> options)
{
    public bool TryTrust(string? serviceUrl, bool isLocal, out TrustedServiceUrl trusted, out string reason)
    {
        trusted = null!;
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
        {
            reason = "serviceUrl is missing or not an absolute URL";
            return false;
        }
        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            reason = "serviceUrl must not carry user info, a query or a fragment";
            return false;
        }

        var isHttps = uri.Scheme == Uri.UriSchemeHttps;
        if (!isHttps && !(isLocal && uri.Scheme == Uri.UriSchemeHttp))
        {
            reason = isLocal ? "serviceUrl must be http or https" : "serviceUrl must be https";
            return false;
        }

        // A local anonymous conversation never receives a token, and a loopback reply stays on this
        // machine, so the production allow-list does not get in the way of local tools.
        var bot = options.Value;
        var exemptAsLocalLoopback = isLocal && uri.IsLoopback;
        if (!exemptAsLocalLoopback && !bot.AllowsAnyServiceUrlHost
            && !bot.EffectiveServiceUrlHosts.Any(pattern => HostMatches(pattern, uri.IdnHost)))
        {
            reason = $"serviceUrl host {uri.IdnHost} is not in Bot:AllowedServiceUrlHosts";
            return false;
        }

        var baseUri = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        trusted = new TrustedServiceUrl(baseUri, SendsToken: !isLocal);
        reason = string.Empty;
        return true;
    }

    public static bool IsValidHostPattern(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) return false;
        var host = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        return Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4;
    }

    internal static bool HostMatches(string pattern, string host)
    {
        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            var suffix = pattern[1..];
            return host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
        }
        return string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
    }
}

/// Thrown when code asks for a connector client for a serviceUrl the bot must not use.
public sealed class UntrustedServiceUrlException(string message) : Exception(message);
