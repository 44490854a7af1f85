namespace AdeBot.Connector;

public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMsi,
}

/// Configuration section "Bot".
public sealed class BotOptions
{
    public const string SectionName = "Bot";
    public const string PublicOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string PublicTokenIssuer = "https://api.botframework.com";
    public const string PublicConnectorScope = "https://api.botframework.com/.default";

    /// The Microsoft App ID (for UserAssignedMsi: the managed identity's client id). Inbound tokens
    /// must carry it as audience. Required unless the bot only serves local anonymous requests.
    public string? AppId { get; set; }

    public BotAppType AppType { get; set; } = BotAppType.MultiTenant;

    /// Entra tenant of a SingleTenant or UserAssignedMsi bot.
    public string? TenantId { get; set; }

    public string? ClientSecret { get; set; }

    /// PEM (certificate and private key) or PKCS#12 file for a SingleTenant bot that authenticates with a certificate.
    public string? CertificatePath { get; set; }

    /// Password of a PKCS#12 <see cref="CertificatePath"/>; empty for PEM or unprotected files.
    public string? CertificatePassword { get; set; }

    public string OpenIdMetadataUrl { get; set; } = PublicOpenIdMetadataUrl;

    /// Issuer of Connector tokens; differs only in sovereign clouds (US Gov: https://api.botframework.us).
    public string TokenIssuer { get; set; } = PublicTokenIssuer;

    /// Scope of the outbound token; differs only in sovereign clouds (US Gov: https://api.botframework.us/.default).
    public string ConnectorScope { get; set; } = PublicConnectorScope;

    /// Accept requests without an Authorization header from loopback addresses and answer them
    /// without a token. For local tools such as Agents Playground only.
    public bool AllowUnauthenticatedLocalRequests { get; set; }

    /// Lets <see cref="AllowUnauthenticatedLocalRequests"/> start outside the Development environment.
    public bool ForceUnauthenticatedOutsideDevelopment { get; set; }

    /// The serviceUrl hosts of Teams in the public cloud and the government clouds (GCC, GCC High,
    /// DoD), and the Bot Framework's own. Never "*.trafficmanager.net": anyone can create a Traffic
    /// Manager profile under it.
    public static readonly IReadOnlyList<string> TeamsServiceUrlHosts =
        ["smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com", "*.teams.microsoft.us", "*.botframework.com"];

    /// The one entry that allows every serviceUrl host (the signed serviceurl claim is then the only check).
    public const string AnyServiceUrlHost = "*";

    /// The only serviceUrl hosts the bot talks to: exact host names, or "*.suffix"; "*" alone allows
    /// any. Not set: <see cref="TeamsServiceUrlHosts"/>. (The default is applied in
    /// <see cref="EffectiveServiceUrlHosts"/>, because configuration binding appends to an array
    /// that already has elements instead of replacing them.)
    public string[] AllowedServiceUrlHosts { get; set; } = [];

    internal IReadOnlyList<string> EffectiveServiceUrlHosts =>
        AllowedServiceUrlHosts is { Length: > 0 } configured ? configured : TeamsServiceUrlHosts;

    internal bool AllowsAnyServiceUrlHost => EffectiveServiceUrlHosts.Contains(AnyServiceUrlHost, StringComparer.Ordinal);

    public int MaxRequestBytes { get; set; } = 262_144;

    /// Kestrel's limit on open connections (and upgraded ones) for the whole server, so a flood of
    /// idle connections cannot exhaust memory or sockets. Well above what Teams opens in a burst.
    public int MaxConcurrentConnections { get; set; } = 5_000;

    /// Requests a second the messages endpoint takes, all callers together; past it the answer is
    /// 429 with Retry-After, which the Bot Framework channel honours and retries.
    public int MaxRequestsPerSecond { get; set; } = 3_000;

    /// Authentication refusals of one reason are logged once per this interval; the rest are counted.
    public int AuthenticationFailureLogIntervalSeconds { get; set; } = 60;

    /// Retries after the first attempt for 429, 412, 502, 503 and 504.
    public int OutboundMaxRetries { get; set; } = 3;

    /// A 429 asking to wait longer than this is not retried; the caller gets Throttled with the delay.
    public int OutboundMaxRetryAfterSeconds { get; set; } = 60;

    /// The most an interactive reply waits in all (Retry-After and back-off together) before it
    /// gives up; proactive sends keep the longer OutboundMaxRetryAfterSeconds.
    public int InteractiveReplyMaxWaitSeconds { get; set; } = 10;

    internal bool HasAppId => !string.IsNullOrWhiteSpace(AppId);
}
