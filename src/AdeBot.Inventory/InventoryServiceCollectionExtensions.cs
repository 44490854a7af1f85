using AdeBot.Domain.Devices;
using AdeBot.Domain.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdeBot.Inventory;

public static class InventoryServiceCollectionExtensions
{
    /// Registers ITokenInventory and IDeviceInventory, bound to the "Graph" section of `configuration` and validated at
    /// start-up. Needs logging and a TimeProvider (TimeProvider.System unless the host registered one).
    public static IServiceCollection AddTokenInventory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphOptions>()
            .Bind(configuration.GetSection(GraphOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new GraphNetwork());
        services.TryAddSingleton<ReplayFile>();
        services.TryAddSingleton(GraphRequestObserver.None);
        services.TryAddSingleton(sp => new TokenInventory(sp.GetRequiredService<IOptions<GraphOptions>>(), sp.GetRequiredService<GraphNetwork>(),
            sp.GetRequiredService<ReplayFile>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<TokenInventory>>(),
            sp.GetRequiredService<GraphRequestObserver>()));
        services.TryAddSingleton(sp => new GraphReadiness(sp.GetRequiredService<TokenInventory>()));
        services.TryAddSingleton<ITokenInventory>(sp => sp.GetRequiredService<TokenInventory>());
        services.TryAddSingleton<ITokenSync>(sp => sp.GetRequiredService<TokenInventory>());
        services.TryAddSingleton<DeviceInventory>();
        services.TryAddSingleton<IDeviceInventory>(sp => sp.GetRequiredService<DeviceInventory>());
        return services;
    }
}
