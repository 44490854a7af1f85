using AdeBot.Connector;
using AdeBot.Domain.Alerts;
using Microsoft.Extensions.Options;

namespace AdeBot.Alerts;

public enum ProactiveOutcome
{
    Sent,
    /// 403 or 404: the bot was removed, blocked or the conversation is gone (status codes in https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages).
    ConversationGone,
    /// The stored serviceUrl fails the trust policy now (configuration changed); nothing was sent.
    Refused,
    /// Anything else, after the connector client's own retries. Worth trying again later.
    Failed,
}

public sealed record ProactiveSendResult(ProactiveOutcome Outcome, ConnectorResult? Connector = null);

/// Posts into a stored conversation when there is no inbound activity to answer: rebuilds the
/// connector's ConversationReference from what was stored on install and paces sends per tenant.
/// Per conversation the limit (7 sends/s, https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit) needs no pacing here: a check sends at
/// most one message per conversation and checks are at least a second apart.
public sealed class ProactiveSender
{
    private const string ChannelThreadMarker = ";messageid=";
    private const string PersonalType = "personal";
    private const string ChannelType = "channel";

    private readonly ConnectorClientFactory _connectors;
    private readonly TenantSendPacer _pacer;
    private readonly ILogger<ProactiveSender> _logger;

    public ProactiveSender(ConnectorClientFactory connectors, IOptions<AlertServiceOptions> options, TimeProvider time, ILogger<ProactiveSender> logger)
    {
        _connectors = connectors;
        _pacer = new TenantSendPacer(time, options.Value.TenantSendsPerSecond);
        _logger = logger;
    }

    public async Task<ProactiveSendResult> SendAsync(StoredConversation conversation, Activity activity, CancellationToken cancellationToken)
    {
        var reference = ReferenceOf(conversation);
        ConnectorClient client;
        try
        {
            client = _connectors.ForStoredReference(reference, conversation.FromLocalMode);
        }
        catch (UntrustedServiceUrlException ex)
        {
            AlertsLog.ServiceUrlRefused(_logger, conversation.Key, ex.Message);
            return new ProactiveSendResult(ProactiveOutcome.Refused);
        }

        await _pacer.WaitTurnAsync(conversation.TenantId, cancellationToken);
        var result = await client.SendToConversationAsync(reference.ConversationId, reference.ApplyTo(activity), cancellationToken);
        var outcome = result.Status switch
        {
            ConnectorStatus.Ok => ProactiveOutcome.Sent,
            ConnectorStatus.BotRemoved or ConnectorStatus.ConversationNotFound => ProactiveOutcome.ConversationGone,
            _ => ProactiveOutcome.Failed,
        };
        return new ProactiveSendResult(outcome, result);
    }

    /// A 1:1 chat with one user (Teams' conversationType `personal`).
    internal static bool IsPersonal(StoredConversation conversation) =>
        string.Equals(conversation.ConversationType, PersonalType, StringComparison.OrdinalIgnoreCase);

    /// The connector's view of a stored conversation (see ConversationSubscription). A channel conversation id
    /// refreshed from a message in a thread carries `;messageid=`; an alert is a new post in the
    /// channel, not a reply buried in somebody's old thread. The user is the recipient only in a
    /// personal chat; in a group chat or channel the message is for everyone.
    internal static ConversationReference ReferenceOf(StoredConversation conversation)
    {
        var isPersonal = IsPersonal(conversation);
        var conversationId = conversation.ConversationId;
        if (string.Equals(conversation.ConversationType, ChannelType, StringComparison.OrdinalIgnoreCase)
            && conversationId.IndexOf(ChannelThreadMarker, StringComparison.OrdinalIgnoreCase) is var thread and > 0)
        {
            conversationId = conversationId[..thread];
        }

        return new ConversationReference
        {
            ChannelId = conversation.ChannelId,
            ServiceUrl = conversation.ServiceUrl,
            ConversationId = conversationId,
            TenantId = conversation.TenantId,
            ConversationType = conversation.ConversationType,
            IsGroup = isPersonal ? null : true,
            Bot = new ChannelAccount { Id = conversation.BotId, Name = conversation.BotName },
            User = isPersonal && conversation.UserId is not null
                ? new ChannelAccount { Id = conversation.UserId, AadObjectId = conversation.UserAadObjectId }
                : null,
            TeamId = conversation.TeamId,
            TeamsChannelId = conversation.TeamChannelId,
            Locale = conversation.Locale,
        };
    }
}
