using Azure.Core;

namespace AdeBot.Testing.Connector;

/// Stands in for Entra at the network edge: hands out "test-token-N" valid for <see cref="Lifetime"/>
/// on the given clock, and remembers what was asked.
public sealed class FakeTokenCredential(TimeProvider time) : TokenCredential
{
    private readonly List<string[]> _requestedScopes = [];
    private int _issued;

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);

    /// When set, every request fails with this exception, as Entra being unreachable would.
    public Exception? Failure { get; set; }

    public int TokensIssued => Volatile.Read(ref _issued);

    public IReadOnlyList<string[]> RequestedScopes
    {
        get { lock (_requestedScopes) return [.. _requestedScopes]; }
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (_requestedScopes) _requestedScopes.Add(requestContext.Scopes);
        if (Failure is not null) throw Failure;
        var number = Interlocked.Increment(ref _issued);
        return new AccessToken($"test-token-{number}", time.GetUtcNow() + Lifetime);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
