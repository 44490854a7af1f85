using AdeBot.Connector;
using AdeBot.Domain.Alerts;
using AdeBot.Health;
using AdeBot.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdeBot.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// Proactive alerts: AlertOptions and AlertServiceOptions from the `Alerts` section (validated at
    /// start-up), the AlertPlanner, the ProactiveSender, the AlertCheck and the AlertsWorker that
    /// schedules it.
    /// Needs AddTokenHealth, AddTokenInventory, AddAlertStorage, AddAccessPolicy and, for the worker to send,
    /// AddBotConnector (CLI commands run without it and never start the worker).
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AlertOptions.SectionName);
        services.AddOptions<AlertOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>());
        services.AddOptions<AlertServiceOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertServiceOptions>, AlertServiceOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new AlertPlanner(sp.GetRequiredService<IOptions<AlertOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddCardComposer();
        services.AddAdeBotMetrics();
        // A factory, so that a host without the connector (CLI commands) still passes DI validation.
        services.TryAddSingleton(sp => new ProactiveSender(
            sp.GetRequiredService<ConnectorClientFactory>(),
            sp.GetRequiredService<IOptions<AlertServiceOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ProactiveSender>>()));
        services.TryAddSingleton<AlertCheck>();
        services.TryAddSingleton<AlertsWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertsWorker>());
        return services;
    }
}
