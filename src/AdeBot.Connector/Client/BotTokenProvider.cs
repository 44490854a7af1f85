using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdeBot.Connector;

/// Hands out the bearer token for Connector calls, cached until five minutes before it expires.
/// One refresh at a time: concurrent callers wait for it instead of all asking Entra.
internal sealed class BotTokenProvider(
    IServiceProvider services,
    IOptions<BotOptions> options,
    TimeProvider time) : IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile CachedToken? _cached;

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_cached) is { } token) return token;

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_cached) is { } refreshed) return refreshed;

            // Resolved on first use: a bot serving only local anonymous requests has no credential to build.
            var credential = services.GetRequiredKeyedService<TokenCredential>(BotConnectorServiceKeys.Credential);
            var context = new TokenRequestContext([options.Value.ConnectorScope]);
            var acquired = await credential.GetTokenAsync(context, cancellationToken).ConfigureAwait(false);
            _cached = new CachedToken(acquired.Token, acquired.ExpiresOn);
            return acquired.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private string? Fresh(CachedToken? token) =>
        token is not null && time.GetUtcNow() < token.ExpiresOn - RefreshMargin ? token.Token : null;

    public void Dispose() => _refresh.Dispose();

    // A class, so readers on other threads never see half of an update.
    private sealed record CachedToken(string Token, DateTimeOffset ExpiresOn);
}
