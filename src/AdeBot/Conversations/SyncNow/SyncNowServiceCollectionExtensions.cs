using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdeBot.Conversations.SyncNow;

public static class SyncNowServiceCollectionExtensions
{
    /// "Sync now" (Actions:AllowSync, off by default): the confirmation and the one write AdeBot
    /// makes to Intune (ITokenSync, AddTokenInventory), recorded in the audit trail (AddAlertStorage).
    /// The buttons come through AddConversations.
    public static IServiceCollection AddSyncNow(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SyncNowOptions>().Bind(configuration.GetSection(SyncNowOptions.SectionName)).ValidateOnStart();
        services.TryAddSingleton<SyncNowActions>();
        services.TryAddSingleton<RecentSyncs>();
        return services;
    }
}
