using AdeBot.Access;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Localization;
using AdeBot.Domain.Tokens;
using AdeBot.Teams;
using AdeBot.Telemetry;

namespace AdeBot.Conversations;

/// Decides whether a turn's conversation may be served and remembers it: the access rules, then
/// the stored reference refreshed (serviceUrl, locale) and subscribed to alerts when new.
public sealed partial class ConversationResolver(
    ISubscriptionStore subscriptions,
    AccessPolicy access,
    ITokenInventory inventory,
    AdeBotMetrics metrics,
    ILogger<ConversationResolver> logger)
{
    /// Null when the conversation may not be served (the reason is logged; the caller refuses).
    public async Task<ServedConversation?> ResolveAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        var stored = StoredOf(turn);
        var decision = await access.CheckAsync(stored?.TenantId, turn.Activity.From?.AadObjectId, cancellationToken);
        if (stored is null || !decision.Allowed)
        {
            Log.Refused(logger, decision.Reason);
            metrics.AccessRefused(decision.Reason);
            TurnRecord.Current?.End(TurnOutcome.Refused);
            return null;
        }

        var (subscription, created) = await subscriptions.UpsertConversationAsync(stored, subscribeIfNew: true, cancellationToken);
        return new ServedConversation(stored.Key, turn.Activity, SupportedCultures.Resolve(subscription.EffectiveLocale),
            IsNew: created, subscription.Active, subscription.Scope);
    }

    public StoredConversation? StoredOf(InboundTurn turn) =>
        ConversationReferences.ToStored(turn, ConversationReferences.TenantForActivitiesWithoutOne(inventory));

    private static partial class Log
    {
        // Debug, as the access policy's own refusal log: outsiders decide how often this happens.
        [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Conversation refused: {Reason}")]
        public static partial void Refused(ILogger logger, AccessReason reason);
    }
}
