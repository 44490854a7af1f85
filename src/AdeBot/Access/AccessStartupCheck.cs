using AdeBot.Domain.Tokens;
using Microsoft.Extensions.Options;

namespace AdeBot.Access;

/// Says at start-up who will be served, warns about settings that leave AdeBot open or useless, and
/// refuses to serve Teams with settings that would show one tenant's data to others. It runs when
/// the web server starts, not for the command-line tools, which serve only the operator.
internal sealed class AccessStartupCheck(
    IOptions<AccessOptions> options, ITokenInventory inventory, ILogger<AccessStartupCheck> logger, IHostEnvironment? environment = null)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var access = options.Value;
        var source = inventory.DefaultSource;
        List<string> refusals = [];
        // A replay answers for any tenant: outside Development it would serve a recording of one
        // real tenant to every Teams tenant that reaches the bot.
        if (source == SnapshotSource.Replay && environment?.IsDevelopment() != true && access.AllowedTenantIds.Length == 0)
            refusals.Add("Graph:ReplayPath is set outside Development, where a replay answers every tenant that reaches the bot: set Access:AllowedTenantIds to the tenants that may see the recording, or remove Graph:ReplayPath.");
        // Fail closed: an empty group list would serve every user of the tenant, guests included.
        if (source == SnapshotSource.Graph && access.AdminGroupIds.Length == 0 && !access.AllowAllUsers)
            refusals.Add("Access:AdminGroupIds is empty while Graph tenants are configured, so anyone in an allowed tenant (B2B guests included) could read Apple IDs, "
                + "expiry dates and sync errors: set Access:AdminGroupIds to the object ids of the Entra groups whose members may ask AdeBot, "
                + "or set Access:AllowAllUsers=true to serve everyone in the allowed tenants on purpose.");
        if (refusals.Count > 0) throw new OptionsValidationException(AccessOptions.SectionName, typeof(AccessOptions), refusals);

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
