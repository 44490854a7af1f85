using AdeBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;

namespace AdeBot.Connector.Tests.Infrastructure;

/// The protocol layer's services as the host would register them, without a web server.
internal static class ConnectorServices
{
    public const string AppId = "00000000-0000-0000-0000-0000000000b0";

    public static Dictionary<string, string?> AuthenticatedSettings(string? metadataUrl = null) => new()
    {
        ["Bot:AppId"] = AppId,
        ["Bot:AppType"] = "MultiTenant",
        ["Bot:ClientSecret"] = "not-a-real-secret",
        ["Bot:OpenIdMetadataUrl"] = metadataUrl ?? "http://127.0.0.1:9/unused",
        // The fake connectors listen on loopback; outside local mode only listed hosts are used.
        ["Bot:AllowedServiceUrlHosts:0"] = "127.0.0.1",
    };

    public static ServiceProvider Build(
        IDictionary<string, string?> settings,
        Action<IServiceCollection>? configure = null,
        string environmentName = "Development",
        CapturedLogs? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Debug);
            if (logs is not null) logging.AddProvider(logs);
        });
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environmentName });
        services.AddBotConnector(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
