using AdeBot.Connector;
using AdeBot.Inventory;
using AdeBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdeBot.Readiness;

/// The database answers, takes a write and has this AdeBot's migrations.
internal sealed class DatabaseReadinessCheck(IStorageDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var readiness = await database.CheckReadinessAsync(cancellationToken);
        return readiness.Ready
            ? HealthCheckResult.Healthy($"schema version {database.LatestSchemaVersion}")
            : HealthCheckResult.Unhealthy(readiness.Problem);
    }
}

/// The bot's own credential gets a Bot Connector token. The token is cached, so a probe every few
/// seconds asks Entra nothing until the token nears its expiry. Local mode has no credential.
internal sealed class BotCredentialReadinessCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Registered with the Teams bot; the one-shot commands have neither.
        if (services.GetService<BotCredentialReadiness>() is not { } credential) return HealthCheckResult.Healthy("not used");
        return await credential.CheckAsync(cancellationToken) switch
        {
            BotCredentialState.Ready => HealthCheckResult.Healthy("token acquired"),
            BotCredentialState.NotConfigured => HealthCheckResult.Healthy("no Bot:AppId (local mode)"),
            _ => HealthCheckResult.Unhealthy("the bot credential (Bot:AppId and its secret, certificate or managed identity) could not get a Bot Connector token; the log says why"),
        };
    }
}

/// Each configured tenant's Graph credential got a token at least once; a tenant without one is
/// asked for one now. The sample and replays need no credential. The answer counts tenants by cause
/// and names none: whoever reaches the probe need not learn an MSP's customers (`check` names them).
internal sealed class GraphCredentialsReadinessCheck(GraphReadiness graph) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var tenants = await graph.CheckAsync(cancellationToken);
        if (tenants.Count == 0) return HealthCheckResult.Healthy("no Graph credentials (sample tenant or replay)");
        var notReady = tenants.Where(t => !t.Ready).ToList();
        return notReady.Count == 0
            ? HealthCheckResult.Healthy($"{tenants.Count} of {tenants.Count} tenants signed in")
            : HealthCheckResult.Unhealthy(
                $"{notReady.Count} of {tenants.Count} tenants have no Graph token yet (" +
                string.Join(", ", notReady.GroupBy(t => t.Problem).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}")) +
                "); `AdeBot check` names them");
    }
}
