namespace AdeBot.Connector;

public enum ConnectorStatus
{
    Ok,
    /// 403: the app was uninstalled, blocked or disabled. Stop sending and drop the stored reference.
    BotRemoved,
    /// 404 ConversationNotFound (or any 404 that is not about one activity): purge the reference.
    ConversationNotFound,
    /// 404 ActivityNotFoundInConversation: the message is gone, the conversation is not.
    ActivityNotFound,
    /// 429 still answered after the retries, or asked for a wait longer than the bot accepts.
    Throttled,
    Failed,
}

/// Outcome of a Connector call. <see cref="ErrorCode"/> is the service's ErrorResponse code
/// (e.g. BotNotInConversationRoster) or one of <see cref="ConnectorErrorCodes"/>.
public record ConnectorResult(ConnectorStatus Status, int? HttpStatusCode = null, string? ErrorCode = null, TimeSpan? RetryAfter = null)
{
    public bool IsSuccess => Status == ConnectorStatus.Ok;
}

public sealed record ConnectorResult<T>(ConnectorStatus Status, T? Value, int? HttpStatusCode = null, string? ErrorCode = null, TimeSpan? RetryAfter = null)
    : ConnectorResult(Status, HttpStatusCode, ErrorCode, RetryAfter);

/// Codes the bot itself reports when no answer came from the Connector.
public static class ConnectorErrorCodes
{
    public const string TokenAcquisitionFailed = "TokenAcquisitionFailed";
    public const string TransportFailed = "TransportFailed";
    // 403 with this code means a GCC tenant reached the public host: a configuration problem, not a removal.
    public const string InvalidBotApiHost = "InvalidBotApiHost";
    public const string ActivityNotFoundInConversation = "ActivityNotFoundInConversation";
}
