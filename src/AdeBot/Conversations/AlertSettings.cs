using AdeBot.Domain.Alerts;

namespace AdeBot.Conversations;

/// A conversation's alert settings, changed by chat or by the welcome card's buttons alike.
public sealed class AlertSettings(ISubscriptionStore subscriptions)
{
    public Task SetActiveAsync(ServedConversation conversation, bool active, CancellationToken cancellationToken) =>
        subscriptions.SetActiveAsync(conversation.Key, active, cancellationToken);

    /// Choosing which alerts to get is asking for alerts: a conversation that had turned them off
    /// gets them back, with the new scope (the reply says so).
    public async Task SetScopeAsync(ServedConversation conversation, AlertScope scope, CancellationToken cancellationToken)
    {
        await subscriptions.SetScopeAsync(conversation.Key, scope, cancellationToken);
        if (!conversation.Subscribed) await subscriptions.SetActiveAsync(conversation.Key, true, cancellationToken);
    }
}
