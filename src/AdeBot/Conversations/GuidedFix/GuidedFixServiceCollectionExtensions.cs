using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdeBot.Conversations.GuidedFix;

public static class GuidedFixServiceCollectionExtensions
{
    /// "Fix it with me": the walk through a remediation's steps behind the card buttons, its options
    /// from `GuidedFix:*` (validated at start-up), the per-tenant verification limit and an hourly
    /// trim of idle walks. Its state is
    /// in IGuidedFixStore (AddAlertStorage); the buttons come through AddConversations.
    public static IServiceCollection AddGuidedFix(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GuidedFixOptions>().Bind(configuration.GetSection(GuidedFixOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GuidedFixOptions>, GuidedFixOptionsValidator>());
        services.TryAddSingleton<VerificationLimiter>();
        services.TryAddSingleton<GuidedFixActions>();
        services.AddHostedService<GuidedFixRetention>();
        return services;
    }
}
