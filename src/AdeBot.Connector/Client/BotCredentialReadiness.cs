using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdeBot.Connector;

public enum BotCredentialState
{
    /// No Bot:AppId (local mode): nothing to sign in with, and nothing that needs it.
    NotConfigured,
    Ready,
    Failed,
}

/// Whether the bot's own credential can get a Connector token, for a readiness probe. The token
/// provider caches the token, so once ready this asks Entra nothing until the token is near expiry.
public sealed class BotCredentialReadiness
{
    private readonly BotTokenProvider _tokens;
    private readonly BotOptions _options;

    private readonly ILogger _logger;

    internal BotCredentialReadiness(BotTokenProvider tokens, IOptions<BotOptions> options, ILogger<BotCredentialReadiness> logger)
    {
        _tokens = tokens;
        _logger = logger;
        _options = options.Value;
    }

    public async Task<BotCredentialState> CheckAsync(CancellationToken cancellationToken)
    {
        if (!_options.HasAppId) return BotCredentialState.NotConfigured;
        try
        {
            await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            return BotCredentialState.Ready;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The log gets the cause; the readiness answer only says that it failed.
            Log.TokenAcquisitionFailed(_logger, ex);
            return BotCredentialState.Failed;
        }
    }
}
