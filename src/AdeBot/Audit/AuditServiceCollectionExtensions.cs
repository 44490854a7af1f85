using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdeBot.Audit;

public static class AuditServiceCollectionExtensions
{
    /// The audit trail of questions, card actions and Sync now, from the `Audit` section (validated
    /// at start-up), and its hourly trim. Needs AddAlertStorage (the IAuditTrail store).
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TurnAudit>();
        services.TryAddSingleton<AuditRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditRetention>());
        return services;
    }
}
