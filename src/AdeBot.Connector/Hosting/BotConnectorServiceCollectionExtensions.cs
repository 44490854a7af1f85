using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdeBot.Connector;

public static class BotConnectorServiceCollectionExtensions
{
    // IdentityModel 8 refreshes metadata in the background by default, so RequestRefresh() followed by
    // GetConfigurationAsync() would still return the old keys. Blocking refresh lets a rotated key be
    // accepted on the very request that first uses it.
    private const string BlockingMetadataRefreshSwitch = "Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking";

    /// Registers the protocol layer from configuration section "Bot" (<see cref="BotOptions"/>),
    /// validated at start-up. The host registers its <see cref="IBotActivityHandler"/> separately.
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        AppContext.SetSwitch(BlockingMetadataRefreshSwitch, true);

        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<BotTokenValidator>();
        services.TryAddSingleton<ServiceUrlPolicy>();
        services.TryAddSingleton<BotTokenProvider>();
        services.TryAddKeyedSingleton<TokenCredential>(BotConnectorServiceKeys.Credential,
            (provider, _) => BotCredentialFactory.Create(provider.GetRequiredService<IOptions<BotOptions>>().Value));

        // Connector calls never follow redirects: a redirect could carry the bearer token elsewhere.
        services.AddHttpClient(BotConnectorServiceKeys.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        services.TryAddSingleton(provider => new ConnectorClientFactory(
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<ServiceUrlPolicy>(),
            provider.GetRequiredService<BotTokenProvider>(),
            provider.GetRequiredService<IOptions<BotOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ConnectorClient>>(),
            provider.GetRequiredService<ConnectorCallObserver>()));
        services.TryAddSingleton(ConnectorCallObserver.None);
        services.TryAddSingleton(provider => new BotCredentialReadiness(
            provider.GetRequiredService<BotTokenProvider>(),
            provider.GetRequiredService<IOptions<BotOptions>>(),
            provider.GetRequiredService<ILogger<BotCredentialReadiness>>()));

        services.TryAddSingleton<BotMessageProcessor>();
        services.AddHostedService<BotConnectorStartup>();
        return services;
    }

    /// Maps the Bot Framework messaging endpoint. Requires <see cref="AddBotConnector"/> and a
    /// registered <see cref="IBotActivityHandler"/>.
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var registered = endpoints.ServiceProvider.GetRequiredService<IServiceProviderIsService>();
        if (!registered.IsService(typeof(BotMessageProcessor)))
            throw new InvalidOperationException("Call services.AddBotConnector(configuration) before MapBotMessages.");
        if (!registered.IsService(typeof(IBotActivityHandler)))
            throw new InvalidOperationException("Register an IBotActivityHandler before MapBotMessages.");

        RequestDelegate processMessage = context => context.RequestServices.GetRequiredService<BotMessageProcessor>().ProcessAsync(context);
        return endpoints.MapPost(pattern, processMessage);
    }
}

/// Warns about local mode, and builds the outbound credential at start so a broken certificate or
/// secret setting stops the app now rather than failing the first reply.
internal sealed class BotConnectorStartup(IServiceProvider services, IOptions<BotOptions> options, ILogger<BotConnectorStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var bot = options.Value;
        if (bot.AllowUnauthenticatedLocalRequests) Log.LocalModeEnabled(logger);
        if (bot.HasAppId)
        {
            services.GetRequiredKeyedService<TokenCredential>(BotConnectorServiceKeys.Credential);
            Log.ConnectorReady(logger, bot.AppType, bot.OpenIdMetadataUrl, string.Join(", ", bot.EffectiveServiceUrlHosts));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
