using AdeBot.Domain.Tokens;
using Microsoft.Extensions.Options;

namespace AdeBot.Access;

/// Says at start-up who will be served, and warns about settings that leave AdeBot open or useless.
internal sealed class AccessStartupCheck(IOptions<AccessOptions> options, ITokenInventory inventory, ILogger<AccessStartupCheck> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var access = options.Value;
        var source = inventory.DefaultSource;
        var tenantRule = access.AllowedTenantIds.Length > 0 ? $"the {access.AllowedTenantIds.Length} tenant(s) in Access:AllowedTenantIds"
            : source == SnapshotSource.Graph ? $"the {inventory.WatchedTenantIds.Count} tenant(s) with Graph credentials"
            : $"any tenant ({source} data)";
        AccessLog.Policy(logger, tenantRule, access.AdminGroupIds.Length, access.MembershipCacheMinutes);

        if (access.AdminGroupIds.Length == 0 && source == SnapshotSource.Graph)
            AccessLog.NoAdminGroup(logger);
        if (access.AdminGroupIds.Length > 0 && source != SnapshotSource.Graph)
            AccessLog.AdminGroupsWithoutDirectory(logger, source);
        foreach (var tenantId in access.AllowedTenantIds.Where(t => !inventory.CanRead(t)))
            AccessLog.AllowedTenantUnreadable(logger, tenantId);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
