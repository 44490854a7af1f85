using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdeBot.Inbox;

public static class InboxServiceCollectionExtensions
{
    /// The durable inbox of accepted activities, from the `Inbox` section (validated at start-up):
    /// the accept side, the fair scheduler and the worker that runs entries through the registered
    /// IInboxProcessor. Needs AddAlertStorage (the store) and an IInboxProcessor (AddTeamsBot).
    public static IServiceCollection AddInbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InboxOptions>().Bind(configuration.GetSection(InboxOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InboxOptions>, InboxOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InboxScheduler>();
        services.TryAddSingleton<ActivityInbox>();
        services.AddHostedService<InboxWorker>();
        return services;
    }
}
