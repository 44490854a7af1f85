using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace AdeBot.Connector;

/// The only way to get a <see cref="ConnectorClient"/>: for an inbound turn (done by the endpoint),
/// or for a reference the host stored from such a turn.
public sealed class ConnectorClientFactory
{
    private readonly IHttpClientFactory _httpClients;
    private readonly ServiceUrlPolicy _policy;
    private readonly BotTokenProvider _tokens;
    private readonly BotOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ConnectorClient> _logger;
    private readonly ConnectorPipelines _pipelines;
    private readonly ConnectorCallObserver _observer;

    internal ConnectorClientFactory(IHttpClientFactory httpClients, ServiceUrlPolicy policy, BotTokenProvider tokens,
        IOptions<BotOptions> options, TimeProvider time, ILogger<ConnectorClient> logger, ConnectorCallObserver? observer = null)
    {
        _observer = observer ?? ConnectorCallObserver.None;
        _httpClients = httpClients;
        _policy = policy;
        _tokens = tokens;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _pipelines = new ConnectorPipelines(
            ConnectorRetry.CreatePipeline(_options, time, logger, _observer),
            ConnectorRetry.CreateInteractivePipeline(_options, time, logger, _observer));
    }

    /// A client for a reference stored from an earlier turn. <paramref name="wasLocal"/> is that turn's
    /// <see cref="TurnContext.IsLocalAnonymous"/>: local references get no token and need local mode on.
    /// Throws <see cref="UntrustedServiceUrlException"/> when the serviceUrl fails the policy.
    public ConnectorClient ForStoredReference(ConversationReference reference, bool wasLocal)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (wasLocal && !_options.AllowUnauthenticatedLocalRequests)
            throw new UntrustedServiceUrlException("A reference from a local anonymous conversation needs Bot:AllowUnauthenticatedLocalRequests.");
        if (!wasLocal && !_options.HasAppId)
            throw new UntrustedServiceUrlException("Bot:AppId is not configured, so the bot cannot write to authenticated conversations.");
        if (!TryCreate(reference.ServiceUrl, wasLocal, out var client, out var reason))
            throw new UntrustedServiceUrlException(reason);
        return client;
    }

    /// The turn of an activity that was authenticated and accepted earlier, to be handled now (from
    /// a durable inbox). The serviceUrl is checked against the policy again, as for a stored
    /// reference; the token's claims are not kept, so <see cref="TurnContext.Identity"/> is null.
    /// Throws <see cref="UntrustedServiceUrlException"/> when the serviceUrl fails the policy now.
    public TurnContext ResumeTurn(Activity activity, bool wasLocal)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (wasLocal && !_options.AllowUnauthenticatedLocalRequests)
            throw new UntrustedServiceUrlException("A turn from a local anonymous request needs Bot:AllowUnauthenticatedLocalRequests.");
        if (!TryCreate(activity.ServiceUrl, wasLocal, out var client, out var reason))
            throw new UntrustedServiceUrlException(reason);
        return new TurnContext(activity, identity: null, wasLocal, client);
    }

    internal bool TryCreate(string? serviceUrl, bool isLocal, out ConnectorClient client, out string reason)
    {
        client = null!;
        if (!_policy.TryTrust(serviceUrl, isLocal, out var trusted, out reason))
        {
            Log.ServiceUrlRefused(_logger, LogSanitizer.Clean(reason));
            return false;
        }
        client = new ConnectorClient(_httpClients.CreateClient(BotConnectorServiceKeys.HttpClientName), trusted, _tokens, _pipelines, _time, _logger, _observer);
        return true;
    }
}
