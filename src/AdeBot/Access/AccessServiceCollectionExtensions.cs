using AdeBot.Inventory.Membership;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdeBot.Access;

public static class AccessServiceCollectionExtensions
{
    /// AccessPolicy with its options from `Access:*` (validated at start-up), the Graph membership check
    /// behind it, and the start-up report. Needs AddTokenInventory.
    public static IServiceCollection AddAccessPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>()
            .Bind(configuration.GetSection(AccessOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>());
        services.AddGroupMembership();
        services.AddOptions<GroupMembershipOptions>()
            .Configure<IOptions<AccessOptions>>((membership, access) => membership.CacheMinutes = access.Value.MembershipCacheMinutes);
        services.TryAddSingleton<AccessPolicy>();
        services.TryAddSingleton<CardActionLimiter>();
        services.TryAddSingleton<RefusalReplyLimiter>();
        services.AddHostedService<AccessStartupCheck>();
        return services;
    }
}
