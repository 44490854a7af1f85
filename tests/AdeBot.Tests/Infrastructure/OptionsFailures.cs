using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AdeBot.Tests.Infrastructure;

/// Binds options through a real AddX registration from the given settings and returns the start-up
/// validation failures, exactly as StartupErrors would print them.
internal static class OptionsFailures
{
    public static IReadOnlyList<string> Of<TOptions>(Action<IServiceCollection, IConfiguration> register, IDictionary<string, string?> settings)
        where TOptions : class
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        register(services, configuration);
        using var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<TOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException error)
        {
            return [.. error.Failures];
        }
    }
}
