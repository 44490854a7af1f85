namespace AdeBot.Connector;

/// How hard a Connector call tries. A person waiting in chat is better served by a quick failure
/// than by a reply a minute late; a proactive alert can wait its turn.
public enum ConnectorDelivery
{
    /// Retries within Bot:OutboundMaxRetries and Bot:OutboundMaxRetryAfterSeconds (alerts, background sends).
    Proactive,

    /// A reply to a person in a conversation: retries until Bot:InteractiveReplyMaxWaitSeconds of waiting in all, then gives up.
    Interactive,

    /// Never retried: a typing indicator is worthless by the time a retry would send it.
    Immediate,
}
