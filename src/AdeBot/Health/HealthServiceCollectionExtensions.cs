using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Health;
using AdeBot.Domain.Remediation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdeBot.Health;

public static class HealthServiceCollectionExtensions
{
    /// The health rules and the remediation knowledge base, with thresholds from `Health:*`.
    public static IServiceCollection AddTokenHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HealthRulesOptions>()
            .Bind(configuration.GetSection(HealthRulesOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new HealthEvaluator(
            sp.GetRequiredService<IOptions<HealthRulesOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RemediationCatalog(sp.GetRequiredService<IOptions<HealthRulesOptions>>().Value));
        return services;
    }

    /// The composer that chat answers and alerts share, with the health rules and alert settings
    /// (snooze choices) it needs. Both AddConversations and AddAlerts call it; it registers once.
    public static IServiceCollection AddCardComposer(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new CardComposer(
            sp.GetRequiredService<RemediationCatalog>(),
            sp.GetRequiredService<IOptions<HealthRulesOptions>>().Value,
            sp.GetRequiredService<IOptions<AlertOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
