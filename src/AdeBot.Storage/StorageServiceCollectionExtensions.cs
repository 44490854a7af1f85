using AdeBot.Domain.Alerts;
using AdeBot.Domain.Audit;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.GuidedFix;
using AdeBot.Domain.Inbox;
using AdeBot.Storage.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdeBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// Registers the subscription store, alert ledger, inbox and audit trail (ISubscriptionStore,
    /// IAlertLedger, IInboxStore, IAuditTrail, IConversationContextStore) of the provider `Storage:Provider` names (StorageOptions:
    /// a SQLite file under `contentRoot` by default, or PostgreSQL), the database behind them
    /// (IStorageDatabase) and a hosted service that creates and migrates it at start-up. Needs logging.
    public static IServiceCollection AddAlertStorage(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => new AlertDatabase(
            Options(sp).ResolveConnectionString(contentRoot),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AlertDatabase>>()));
        services.TryAddSingleton(sp => new PostgreSqlDatabase(
            Options(sp).ConnectionString!,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PostgreSqlDatabase>>()));
        services.AddProviderStore<IStorageDatabase, AlertDatabase, PostgreSqlDatabase>();

        services.AddProviderStore<IConversationStore, SqliteAlertStore, PostgreSqlAlertStore>();
        services.TryAddSingleton<ISubscriptionStore>(sp => sp.GetRequiredService<IConversationStore>());
        services.TryAddSingleton<IAlertLedger>(sp => sp.GetRequiredService<IConversationStore>());
        services.AddProviderStore<IInboxStore, SqliteInboxStore, PostgreSqlInboxStore>();
        services.AddProviderStore<IAuditTrail, SqliteAuditTrail, PostgreSqlAuditTrail>();
        services.AddProviderStore<IConversationContextStore, SqliteConversationContextStore, PostgreSqlConversationContextStore>();
        services.AddProviderStore<IGuidedFixStore, SqliteGuidedFixStore, PostgreSqlGuidedFixStore>();
        services.AddProviderStore<ITenantLeaseStore, SqliteTenantLeaseStore, PostgreSqlTenantLeaseStore>();
        services.AddHostedService<AlertStorageInitializer>();
        return services;
    }

    /// One store, two implementations: `TService` resolves to the one of the configured provider
    /// (only that one, and its database, is ever built). A new store adds one line like this.
    internal static IServiceCollection AddProviderStore<TService, TSqlite, TPostgreSql>(this IServiceCollection services)
        where TService : class
        where TSqlite : class, TService
        where TPostgreSql : class, TService
    {
        services.TryAddSingleton<TSqlite>();
        services.TryAddSingleton<TPostgreSql>();
        services.TryAddSingleton<TService>(sp => Options(sp).Provider switch
        {
            StorageProvider.PostgreSQL => sp.GetRequiredService<TPostgreSql>(),
            _ => sp.GetRequiredService<TSqlite>(),
        });
        return services;
    }

    private static StorageOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;
}

/// Migrates the database when the host starts, so a broken or newer database stops start-up
/// instead of the first alert check. The store would also migrate on first use.
internal sealed class AlertStorageInitializer(IStorageDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
