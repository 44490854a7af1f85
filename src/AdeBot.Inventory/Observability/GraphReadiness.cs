using System.Collections.Concurrent;
using Azure.Core;

namespace AdeBot.Inventory;

/// Whether a configured tenant's credential has obtained a Graph token at least once. `Problem`
/// names the cause of the last failure (`SignInRejected`, `PermissionMissing`, `Unavailable`…),
/// never the credential or Entra's message.
public sealed record GraphTenantReadiness(string TenantId, bool Ready, string? Problem);

/// Readiness of the Graph credentials: a tenant is ready once its credential got a token, from a
/// real read or from this check, which asks for one for every tenant that has none yet. The sample
/// and replays have no credential and are always ready.
public sealed class GraphReadiness
{
    private readonly TokenInventory _inventory;
    private readonly ConcurrentDictionary<string, GraphTenantReadiness> _states = new(StringComparer.OrdinalIgnoreCase);

    internal GraphReadiness(TokenInventory inventory)
    {
        _inventory = inventory;
        foreach (var tenantId in inventory.CredentialTenantIds) _states[tenantId] = new(tenantId, false, "no token yet");
        inventory.SignedIn += Record;
    }

    public IReadOnlyList<GraphTenantReadiness> Current => [.. _states.Values.OrderBy(s => s.TenantId, StringComparer.OrdinalIgnoreCase)];

    public async Task<IReadOnlyList<GraphTenantReadiness>> CheckAsync(CancellationToken cancellationToken)
    {
        foreach (var state in _states.Values.Where(s => !s.Ready))
        {
            try
            {
                // The credential caches the token, so the next real read uses this one.
                await _inventory.SignInAsync(state.TenantId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Recorded by the observed credential.
            }
        }
        return Current;
    }

    private void Record(string tenantId, bool succeeded, string? failure) =>
        _states.AddOrUpdate(tenantId,
            id => new(id, succeeded, succeeded ? null : failure),
            // Once ready, a later failure does not make the tenant unready: readiness is about set-up,
            // and Graph outages are for the metrics and alerts.
            (id, old) => old.Ready ? old : new(id, succeeded, succeeded ? null : failure));
}

/// A tenant's credential, telling the inventory about each token it obtains or fails to obtain.
internal sealed class ObservedCredential(TokenCredential inner, string tenantId, Action<string, bool, string?> signedIn) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        try
        {
            var token = inner.GetToken(requestContext, cancellationToken);
            signedIn(tenantId, true, null);
            return token;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            signedIn(tenantId, false, GraphFailures.Cause(ex).Cause.ToString());
            throw;
        }
    }

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        try
        {
            var token = await inner.GetTokenAsync(requestContext, cancellationToken);
            signedIn(tenantId, true, null);
            return token;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            signedIn(tenantId, false, GraphFailures.Cause(ex).Cause.ToString());
            throw;
        }
    }
}
