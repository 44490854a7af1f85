namespace AdeBot.Domain.Alerts;

/// The conversations AdeBot may post into and their alert settings.
public interface ISubscriptionStore
{
    /// Stores a conversation on install and refreshes it from every inbound activity: the reference
    /// (serviceUrl, locale, ...) is updated, missing optional fields keep their stored value, and
    /// Active, Scope and LocaleOverride are kept. A conversation seen for the first time is
    /// subscribed when `subscribeIfNew`.
    Task<ConversationUpsert> UpsertConversationAsync(StoredConversation conversation, bool subscribeIfNew, CancellationToken cancellationToken);

    Task<ConversationSubscription?> GetAsync(ConversationKey key, CancellationToken cancellationToken);

    /// Subscribe (true) or unsubscribe (false). Unsubscribing forgets what was alerted, so a later
    /// subscribe starts like a fresh install. False when the conversation is unknown.
    Task<bool> SetActiveAsync(ConversationKey key, bool active, CancellationToken cancellationToken);

    Task<bool> SetScopeAsync(ConversationKey key, AlertScope scope, CancellationToken cancellationToken);

    /// The conversation's language choice; null returns to the client's locale.
    Task<bool> SetLocaleOverrideAsync(ConversationKey key, string? locale, CancellationToken cancellationToken);

    /// Drops the conversation and its ledger: uninstall, or a 403/404 that says the bot is gone.
    Task<bool> RemoveAsync(ConversationKey key, CancellationToken cancellationToken);

    /// Active subscriptions grouped by tenant, so a check reads each tenant once.
    Task<IReadOnlyList<TenantSubscriptions>> ListActiveByTenantAsync(CancellationToken cancellationToken);
}

/// `Created` is decided in the same transaction as the write, so of two turns announcing one
/// install at the same moment exactly one sees it (and only that one sends the welcome).
public sealed record ConversationUpsert(ConversationSubscription Subscription, bool Created);

public sealed record TenantSubscriptions(string TenantId, IReadOnlyList<ConversationSubscription> Subscriptions);

/// What each conversation was already alerted on.
public interface IAlertLedger
{
    Task<AlertLedgerState> ReadAsync(ConversationKey key, CancellationToken cancellationToken);

    /// Applies a plan's changes atomically (all or none), as AlertLedgerState.Apply does. False,
    /// with nothing written, when the conversation was removed or unsubscribed meanwhile.
    Task<bool> CommitAsync(ConversationKey key, IReadOnlyList<LedgerChange> changes, CancellationToken cancellationToken);

    /// Snoozes findings of the conversation until `until` (see AlertPlanner.SnoozeUntil); returns how
    /// many were snoozed. A finding the ledger no longer holds has cleared and is skipped.
    Task<int> SnoozeAsync(ConversationKey key, IReadOnlyCollection<FindingId> findings, DateTimeOffset until, CancellationToken cancellationToken);
}
