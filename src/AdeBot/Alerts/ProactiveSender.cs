using AdeBot.Connector;
using AdeBot.Domain.Alerts;
using AdeBot.Teams;
using Microsoft.Extensions.Options;

namespace AdeBot.Alerts;

public enum ProactiveOutcome
{
    Sent,
    /// 403 or 404: the bot was removed, blocked or the conversation is gone (protocol reference §6).
    ConversationGone,
    /// The stored serviceUrl fails the trust policy now (configuration changed); nothing was sent.
    Refused,
    /// Anything else, after the connector client's own retries. Worth trying again later.
    Failed,
}

public sealed record ProactiveSendResult(ProactiveOutcome Outcome, ConnectorResult? Connector = null);

/// Posts into a stored conversation when there is no inbound activity to answer, through the
/// connector's ConversationReference rebuilt from what was stored, and paces sends per tenant.
/// Per conversation the limit (7 sends/s, reference §7) needs no pacing here: a check sends at
/// most one message per conversation and checks are at least a second apart.
public sealed class ProactiveSender
{
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
        var reference = ConversationReferences.ToConnector(conversation);
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
}
