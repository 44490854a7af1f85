using System.Security.Claims;

namespace AdeBot.Connector;

/// One inbound activity that passed authentication (or came anonymously from loopback in local
/// mode), with a connector client bound to its serviceUrl. Safe to capture in background work.
public sealed class TurnContext
{
    internal TurnContext(Activity activity, ClaimsIdentity? identity, bool isLocalAnonymous, ConnectorClient connector)
    {
        Activity = activity;
        Identity = identity;
        IsLocalAnonymous = isLocalAnonymous;
        Connector = connector;
    }

    public Activity Activity { get; }

    /// The validated token's claims; null for a local anonymous turn.
    public ClaimsIdentity? Identity { get; }

    /// Remember this with any reference you store; pass it to <see cref="ConnectorClientFactory.ForStoredReference"/>.
    public bool IsLocalAnonymous { get; }

    public ConnectorClient Connector { get; }

    public Task<ConnectorResult<ResourceResponse>> ReplyAsync(string text, CancellationToken cancellationToken = default) =>
        ReplyAsync(Activity.CreateReply(text), cancellationToken);

    /// Posts <paramref name="reply"/> into the activity's conversation, as a reply to it when it has an
    /// id. Conversation, sender and recipient are filled in when the reply leaves them unset. A
    /// person is waiting, so the reply retries only within Bot:InteractiveReplyMaxWaitSeconds, and a
    /// typing indicator is never retried.
    public Task<ConnectorResult<ResourceResponse>> ReplyAsync(Activity reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var conversationId = Activity.Conversation?.Id
            ?? throw new InvalidOperationException("The activity has no conversation to reply to.");
        var addressed = ActivityExtensions.Address(reply, Activity.ChannelId, Activity.Conversation, bot: Activity.Recipient, user: Activity.From, Activity.Locale);
        var delivery = reply.IsType(ActivityTypes.Typing) ? ConnectorDelivery.Immediate : ConnectorDelivery.Interactive;
        return string.IsNullOrEmpty(Activity.Id)
            ? Connector.SendToConversationAsync(conversationId, addressed, delivery, cancellationToken)
            : Connector.ReplyToActivityAsync(conversationId, Activity.Id, addressed, delivery, cancellationToken);
    }
}
