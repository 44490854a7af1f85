using AdeBot.Testing;
using AdeBot.Access;
using System.Collections.Concurrent;
using AdeBot.Alerts;
using AdeBot.Connector;
using AdeBot.Domain.Alerts;
using AdeBot.Health;
using AdeBot.Inventory;
using AdeBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;

namespace AdeBot.Tests.Alerts;

/// The alert feature as the host registers it (health, inventory, SQLite storage, the connector in
/// local mode, AddAlerts) on a ServiceProvider of its own. Disposing it and building another on the
/// same data folder is a restart. The network edge is the test's: a fake connector server, and the
/// sample tenant or a Graph replay file.
internal sealed class AlertsTestHost : IAsyncDisposable
{
    public const string TenantId = SampleTenant.TenantId;
    public const string BotId = "28:adebot-local";

    private readonly ServiceProvider _services;

    private AlertsTestHost(ServiceProvider services, CapturedLogs logs)
    {
        _services = services;
        Logs = logs;
    }

    /// `graphNetwork` answers sign-in and Graph when the settings name Graph tenants.
    public static AlertsTestHost Start(TimeProvider time, string dataPath, IDictionary<string, string?>? settings = null,
        HttpMessageHandler? graphNetwork = null)
    {
        Dictionary<string, string?> all = new()
        {
            ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
            ["Storage:DataPath"] = dataPath,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();

        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development, ContentRootPath = dataPath });
        services.AddSingleton(time);
        if (graphNetwork is not null) services.AddSingleton(new GraphNetwork(graphNetwork));
        services.AddTokenHealth(configuration);
        services.AddTokenInventory(configuration);
        services.AddAlertStorage(configuration, dataPath);
        services.AddBotConnector(configuration);
        services.AddAccessPolicy(configuration);
        services.AddAlerts(configuration);
        return new AlertsTestHost(services.BuildServiceProvider(), logs);
    }

    public CapturedLogs Logs { get; }

    public AlertsWorker Worker => _services.GetRequiredService<AlertsWorker>();

    public ISubscriptionStore Subscriptions => _services.GetRequiredService<ISubscriptionStore>();

    public IAlertLedger Ledger => _services.GetRequiredService<IAlertLedger>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// The scheduled check (due tenants only), as AlertsWorker runs it.
    public Task<AlertCheckResult> CheckDueAsync(CancellationToken cancellationToken) => _services.GetRequiredService<AlertCheck>().RunDueAsync(cancellationToken);

    public Task<AlertCheckResult> CheckAsync() => _services.GetRequiredService<AlertCheck>().RunAsync(TestTimeout.Token);

    /// Stores a conversation as an install in local mode would, subscribed.
    public async Task<ConversationSubscription> InstallAsync(
        string conversationId, string serviceUrl, string locale = "en-US", string conversationType = "personal",
        string? localeOverride = null, bool fromLocalMode = true, string tenantId = TenantId)
    {
        var personal = conversationType == "personal";
        var conversation = new StoredConversation(
            tenantId, conversationId, conversationType, "msteams", serviceUrl, BotId, "AdeBot",
            UserId: $"29:{conversationId}-user", UserAadObjectId: personal ? "00000000-0000-0000-0000-00000000a11c" : null,
            TeamId: personal ? null : "19:team@thread.tacv2", Locale: locale, FromLocalMode: fromLocalMode);
        var (subscription, _) = await Subscriptions.UpsertConversationAsync(conversation, subscribeIfNew: true, TestTimeout.Token);
        if (localeOverride is not null)
        {
            await Subscriptions.SetLocaleOverrideAsync(subscription.Key, localeOverride, TestTimeout.Token);
        }

        return subscription;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        // SQLite pools connections; the pool must let go of the file, as a stopped process does,
        // before the folder can go.
        SqliteConnection.ClearAllPools();
    }
}
