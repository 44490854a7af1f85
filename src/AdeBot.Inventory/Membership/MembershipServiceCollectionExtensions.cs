using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdeBot.Inventory.Membership;

public static class MembershipServiceCollectionExtensions
{
    /// Registers IGroupMembership over the inventory's per-tenant Graph clients; call AddTokenInventory too.
    public static IServiceCollection AddGroupMembership(this IServiceCollection services)
    {
        services.AddOptions<GroupMembershipOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGroupMembership, GraphGroupMembership>();
        return services;
    }
}
