using AdeBot.Connector;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Tokens;

namespace AdeBot.Alerts;

/// Event ids 5000–5099. Conversation keys and tenant ids are identifiers, not secrets; exception
/// details go to the log only, never into a message.
internal static partial class AlertsLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Alerts are disabled (Alerts:Enabled is false); no background checks will run")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Alert checks start in {FirstDelay}, then run every {Interval} plus up to {Jitter}")]
    public static partial void Scheduled(ILogger logger, TimeSpan firstDelay, TimeSpan interval, TimeSpan jitter);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "Alert check started: {TenantCount} tenants, {SubscriptionCount} active subscriptions")]
    public static partial void CheckStarted(ILogger logger, int tenantCount, int subscriptionCount);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information,
        Message = "Alert check finished: {Sent} alerts sent, {Failed} not delivered, {Removed} subscriptions removed, {SkippedTenants} of {TenantCount} tenants skipped")]
    public static partial void CheckFinished(ILogger logger, int sent, int failed, int removed, int skippedTenants, int tenantCount);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "An alert check failed; the next one runs on schedule")]
    public static partial void CheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning,
        Message = "Tenant {TenantId} was not checked: the inventory read failed ({FailureKind}); nothing is sent or recorded for it until a read succeeds")]
    public static partial void TenantSkipped(ILogger logger, string tenantId, InventoryFailureKind? failureKind);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Error, Message = "Checking tenant {TenantId} failed; its other conversations are checked next time")]
    public static partial void TenantFailed(ILogger logger, string tenantId, Exception exception);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "Alert with {FindingCount} findings sent to {ConversationType} conversation {Conversation}")]
    public static partial void AlertSent(ILogger logger, int findingCount, string conversationType, ConversationKey conversation);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Warning,
        Message = "Alert to {Conversation} not delivered ({Status}, HTTP {HttpStatus}, {ErrorCode}); it is planned again at the next check")]
    public static partial void AlertNotDelivered(ILogger logger, ConversationKey conversation, ConnectorStatus? status, int? httpStatus, string? errorCode);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Information,
        Message = "The bot is gone from {Conversation} ({Status}, HTTP {HttpStatus}, {ErrorCode}); its subscription was removed")]
    public static partial void SubscriptionRemoved(ILogger logger, ConversationKey conversation, ConnectorStatus? status, int? httpStatus, string? errorCode);

    [LoggerMessage(EventId = 5023, Level = LogLevel.Warning,
        Message = "Alert to {Conversation} skipped: its serviceUrl is not trusted ({Reason}); it is planned again at the next check")]
    public static partial void ServiceUrlRefused(ILogger logger, ConversationKey conversation, string reason);

    [LoggerMessage(EventId = 5024, Level = LogLevel.Error, Message = "Checking conversation {Conversation} failed; it is planned again at the next check")]
    public static partial void SubscriptionFailed(ILogger logger, ConversationKey conversation, Exception exception);

    [LoggerMessage(EventId = 5025, Level = LogLevel.Debug,
        Message = "Conversation {Conversation} was unsubscribed or removed during the check; its alert history was left as it is")]
    public static partial void NotCommitted(ILogger logger, ConversationKey conversation);

    [LoggerMessage(EventId = 5026, Level = LogLevel.Warning,
        Message = "Tenant {TenantId} has subscriptions but is no longer allowed by the access rules; no alerts are sent to it")]
    public static partial void TenantNoLongerAllowed(ILogger logger, string tenantId);

    [LoggerMessage(EventId = 5027, Level = LogLevel.Information,
        Message = "Alerts to {Conversation} held back: its user is not in the admin groups, or membership cannot be checked now")]
    public static partial void SubscriberNoLongerAllowed(ILogger logger, ConversationKey conversation);

    [LoggerMessage(EventId = 5040, Level = LogLevel.Debug,
        Message = "Alerts to {Conversation} held back: it is a channel or group chat and Access:GroupConversations is deny")]
    public static partial void GroupConversationDenied(ILogger logger, ConversationKey conversation);

    [LoggerMessage(EventId = 5050, Level = LogLevel.Warning,
        Message = "Tenant {TenantId}: this instance's lease ran out or was taken during the check; the instance that holds it now checks the rest")]
    public static partial void LeaseLost(ILogger logger, string tenantId);

    [LoggerMessage(EventId = 5051, Level = LogLevel.Warning,
        Message = "Tenant {TenantId} could not be given back after its check; another instance takes it once the lease runs out")]
    public static partial void LeaseNotReleased(ILogger logger, string tenantId, Exception exception);
}
