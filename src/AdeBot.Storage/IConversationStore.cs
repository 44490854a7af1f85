using AdeBot.Domain.Alerts;

namespace AdeBot.Storage;

/// Subscriptions and the ledger are one store in each provider: a ledger row belongs to its
/// conversation and goes with it.
public interface IConversationStore : ISubscriptionStore, IAlertLedger;
