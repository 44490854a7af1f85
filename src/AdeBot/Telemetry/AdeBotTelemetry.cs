using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace AdeBot.Telemetry;

/// The names AdeBot's own spans, metrics and tags go by (docs/operations.md lists them for
/// dashboards), and the one ActivitySource.
public static class AdeBotTelemetry
{
    public const string Name = "AdeBot";

    public static string Version { get; } =
        typeof(AdeBotTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(AdeBotTelemetry).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    public static readonly ActivitySource Source = new(Name, Version);

    /// Hashes, not ids, go on spans and log scopes: an operator can compute the hash of a tenant or
    /// conversation they know (`printf %s "$id" | sha256sum | cut -c1-16`), a reader of the telemetry
    /// cannot go the other way.
    public static string Hash(string? value) => string.IsNullOrEmpty(value)
        ? ""
        : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)), 0, 8).ToLowerInvariant();

    public static class Tags
    {
        public const string ActivityType = "adebot.activity.type";
        public const string Intent = "adebot.intent";
        public const string CardAction = "adebot.card.action";
        public const string Outcome = "adebot.outcome";
        public const string TurnId = "adebot.turn.id";
        public const string TenantHash = "adebot.tenant.hash";
        public const string ConversationHash = "adebot.conversation.hash";
        public const string TenantId = "adebot.tenant.id";
        public const string GraphOutcome = "adebot.graph.outcome";
        public const string ConnectorOperation = "adebot.connector.operation";
        public const string ConnectorStatus = "adebot.connector.status";
        public const string AccessReason = "adebot.access.reason";
        public const string HttpStatus = "http.response.status_code";
        public const string HttpMethod = "http.request.method";
        public const string UrlPath = "url.path";
    }

    public static class Spans
    {
        public const string Turn = "adebot.turn";
        public const string AlertCheck = "adebot.alert.check";
        public const string AlertTenant = "adebot.alert.tenant";
        public const string GraphRequest = "adebot.graph.request";
    }
}
