using Microsoft.Extensions.Logging;

namespace AdeBot.Connector;

// Event ids 3000–3099 belong to the protocol layer.
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Warning, "Rejected inbound activity: {Reason}. {Detail}")]
    public static partial void AuthenticationFailed(ILogger logger, BotAuthFailure reason, string detail);

    [LoggerMessage(3001, LogLevel.Error, "Bot Framework OpenID metadata could not be loaded from {MetadataUrl}")]
    public static partial void MetadataUnavailable(ILogger logger, string metadataUrl, Exception exception);

    // Debug: a made-up key id costs the attacker nothing; the refusal itself is logged (aggregated) as 3000.
    [LoggerMessage(3002, LogLevel.Debug, "Token signed with unknown key id {KeyId}; refreshing the signing keys once")]
    public static partial void SigningKeyRefresh(ILogger logger, string keyId);

    [LoggerMessage(3003, LogLevel.Warning, "Inbound request body exceeds {MaxRequestBytes} bytes; answered 413")]
    public static partial void RequestTooLarge(ILogger logger, int maxRequestBytes);

    [LoggerMessage(3004, LogLevel.Warning, "Malformed inbound activity: {Reason}; answered 400")]
    public static partial void MalformedActivity(ILogger logger, string reason);

    [LoggerMessage(3005, LogLevel.Error, "Unexpected failure while handling a {ActivityType} activity; answered 500")]
    public static partial void HandlerFailed(ILogger logger, string? activityType, Exception exception);

    [LoggerMessage(3006, LogLevel.Warning, "Refused to use serviceUrl: {Reason}")]
    public static partial void ServiceUrlRefused(ILogger logger, string reason);

    // Information: every anonymous turn is one an operator may need to account for.
    [LoggerMessage(3007, LogLevel.Information, "Accepted an anonymous {ActivityType} activity from loopback (local mode)")]
    public static partial void LocalAnonymousAccepted(ILogger logger, string? activityType);

    [LoggerMessage(3008, LogLevel.Warning, "Bot:AllowUnauthenticatedLocalRequests is on: requests without an Authorization header are accepted from loopback addresses and answered without a token. Never run this way in production.")]
    public static partial void LocalModeEnabled(ILogger logger);

    [LoggerMessage(3009, LogLevel.Debug, "The channel closed the request before the {ActivityType} activity was handled")]
    public static partial void RequestAborted(ILogger logger, string? activityType);

    [LoggerMessage(3010, LogLevel.Information, "Bot Connector ready: app type {AppType}, inbound keys from {MetadataUrl}, serviceUrl hosts {ServiceUrlHosts}")]
    public static partial void ConnectorReady(ILogger logger, BotAppType appType, string metadataUrl, string serviceUrlHosts);

    [LoggerMessage(3011, LogLevel.Warning, "Rejected {Count} more inbound activities for {Reason} in the last {Period} (logged once per interval)")]
    public static partial void AuthenticationFailuresSuppressed(ILogger logger, long count, BotAuthFailure reason, TimeSpan period);

    [LoggerMessage(3020, LogLevel.Warning, "Connector answered {StatusCode}; retry {Attempt} in {Delay}")]
    public static partial void ConnectorRetry(ILogger logger, int statusCode, int attempt, TimeSpan delay);

    [LoggerMessage(3021, LogLevel.Warning, "Connector {Operation} on {Host} failed: {StatusCode} {ErrorCode}")]
    public static partial void ConnectorCallFailed(ILogger logger, string operation, string host, int statusCode, string? errorCode);

    [LoggerMessage(3022, LogLevel.Error, "Could not obtain the Bot Connector token")]
    public static partial void TokenAcquisitionFailed(ILogger logger, Exception exception);

    [LoggerMessage(3023, LogLevel.Warning, "Connector {Operation} on {Host} failed in transport")]
    public static partial void TransportFailed(ILogger logger, string operation, string host, Exception exception);

    [LoggerMessage(3030, LogLevel.Warning, "A {ActivityType} activity was not accepted (the handler's store is unavailable); answered 503, retry after {RetryAfter}")]
    public static partial void ActivityNotAccepted(ILogger logger, string? activityType, TimeSpan retryAfter, Exception? exception);

    [LoggerMessage(3031, LogLevel.Warning, "An interactive {Operation} to {Host} gave up after waiting {Waited} of its {Budget} budget (HTTP {Status})")]
    public static partial void InteractiveRetryBudgetSpent(ILogger logger, string operation, string host, TimeSpan waited, TimeSpan budget, int status);
}
