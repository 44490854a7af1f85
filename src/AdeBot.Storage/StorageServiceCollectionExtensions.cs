using AdeBot.Domain.Alerts;
using AdeBot.Domain.Audit;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.GuidedFix;
using AdeBot.Domain.Inbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdeBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// Registers the SQLite subscription store, alert ledger, inbox, audit trail and conversation contexts (ISubscriptionStore, IAlertLedger, IInboxStore, IAuditTrail, IConversationContextStore, IGuidedFixStore)
    /// from the `Storage` section, with the database file under `contentRoot` (StorageOptions), and
    /// a hosted service that creates and migrates the database at start-up. Needs logging.
    public static IServiceCollection AddAlertStorage(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new AlertDatabase(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveConnectionString(contentRoot),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AlertDatabase>>()));
        services.TryAddSingleton<SqliteAlertStore>();
        services.TryAddSingleton<ISubscriptionStore>(sp => sp.GetRequiredService<SqliteAlertStore>());
        services.TryAddSingleton<IAlertLedger>(sp => sp.GetRequiredService<SqliteAlertStore>());
        services.TryAddSingleton<IInboxStore, SqliteInboxStore>();
        services.TryAddSingleton<IAuditTrail, SqliteAuditTrail>();
        services.TryAddSingleton<IConversationContextStore, SqliteConversationContextStore>();
        services.TryAddSingleton<IGuidedFixStore, SqliteGuidedFixStore>();
        services.TryAddSingleton<ITenantLeaseStore, SqliteTenantLeaseStore>();
        services.AddHostedService<AlertStorageInitializer>();
        return services;
    }
}

/// Migrates the database when the host starts, so a broken or newer database stops start-up
/// instead of the first alert check. The store would also migrate on first use.
internal sealed class AlertStorageInitializer(AlertDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
