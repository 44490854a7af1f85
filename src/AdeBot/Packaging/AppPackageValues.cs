using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text.RegularExpressions;

namespace AdeBot.Packaging;

/// The values that turn the manifest template into one tenant's app package.
public sealed partial record AppPackageValues(Guid BotAppId, string BotDomain, string AppVersion)
{
    public const string DefaultAppVersion = "1.0.0";

    public IReadOnlyDictionary<string, string> Placeholders => new Dictionary<string, string>
    {
        ["BOT_APP_ID"] = BotAppId.ToString("D"),
        ["BOT_DOMAIN"] = BotDomain,
        ["APP_VERSION"] = AppVersion,
    };

    public static bool TryParseBotAppId(string text, out Guid appId, [NotNullWhen(false)] out string? error)
    {
        // The manifest schema wants the hyphenated 8-4-4-4-12 form, without braces.
        if (!Guid.TryParseExact(text.Trim(), "D", out appId))
        {
            error = $"--app-id '{text}' is not a GUID such as 00000000-0000-0000-0000-000000000000 (the Microsoft App ID of the Azure Bot resource).";
            return false;
        }
        if (appId == Guid.Empty)
        {
            error = "--app-id must be the bot's real Microsoft App ID, not the empty GUID.";
            return false;
        }
        error = null;
        return true;
    }

    public static bool TryParseBotDomain(string text, [NotNullWhen(true)] out string? domain, [NotNullWhen(false)] out string? error)
    {
        domain = null;
        var value = text.Trim();
        error = value switch
        {
            "" => "--domain is empty: give the public host name of the bot, e.g. adebot.contoso.com.",
            _ when value.Contains("://", StringComparison.Ordinal) =>
                $"--domain '{text}' must be a bare host name without a scheme, e.g. adebot.contoso.com rather than https://adebot.contoso.com.",
            _ when value.IndexOfAny(['/', '?', '#', '\\']) >= 0 =>
                $"--domain '{text}' must be a bare host name without a path, e.g. adebot.contoso.com.",
            _ when value.Contains('*') =>
                $"--domain '{text}' must be the bot's own host name; wildcards are not allowed.",
            _ when IPAddress.TryParse(value.Trim('[', ']'), out _) =>
                $"--domain '{text}' is an IP address; Teams needs the DNS host name the bot's certificate is issued for.",
            _ when value.Contains(':') =>
                $"--domain '{text}' must not include a port: Teams validDomains do not allow ports, so the bot must be reachable on 443.",
            _ when !value.All(char.IsAscii) =>
                $"--domain '{text}' contains non-ASCII characters; use its punycode (xn--) form.",
            _ when !HostName().IsMatch(value) =>
                $"--domain '{text}' is not a fully qualified host name such as adebot.contoso.com.",
            _ => null,
        };
        if (error is not null) return false;
        domain = value.ToLowerInvariant();
        return true;
    }

    public static bool TryParseAppVersion(string text, [NotNullWhen(false)] out string? error)
    {
        error = AppVersionPattern().IsMatch(text)
            ? null
            : $"--version '{text}' must be MAJOR.MINOR.PATCH with numbers only, e.g. 1.0.3.";
        return error is null;
    }

    // Labels of 1-63 letters, digits and inner hyphens; at least two labels; 253 characters at most.
    [GeneratedRegex(@"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostName();

    // The manifest schema's semver definition: three numbers without leading zeros.
    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex AppVersionPattern();
}
