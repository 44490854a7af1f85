using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using System.Globalization;
using System.Threading.RateLimiting;
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

    internal const string MessagesRateLimitPolicy = "AdeBot.Connector.Messages";

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
        services.TryAddSingleton<AuthenticationFailureLog>();
        AddInboundLimits(services);
        services.AddHostedService<BotConnectorStartup>();
        return services;
    }

    // Connections can only be limited for the whole server; requests are limited on the endpoint.
    private static void AddInboundLimits(IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<BotOptions>>((kestrel, bot) =>
        {
            kestrel.Limits.MaxConcurrentConnections = bot.Value.MaxConcurrentConnections;
            kestrel.Limits.MaxConcurrentUpgradedConnections = bot.Value.MaxConcurrentConnections;
        });
        services.TryAddSingleton<MessagesRateLimiter>();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(MessagesRateLimitPolicy, context =>
                RateLimitPartition.Get(MessagesRateLimitPolicy, _ => context.RequestServices.GetRequiredService<MessagesRateLimiter>()));
            limiter.OnRejected = (rejected, _) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
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

        // The rate limiting middleware must run for the endpoint's policy to apply; on a WebApplication
        // it is added here (after routing, which WebApplication puts first) so a host cannot forget it.
        if (endpoints is not IApplicationBuilder app)
            throw new InvalidOperationException("MapBotMessages needs a WebApplication (it adds the rate limiting middleware for the endpoint).");
        app.UseRateLimiter();

        RequestDelegate processMessage = context => context.RequestServices.GetRequiredService<BotMessageProcessor>().ProcessAsync(context);
        return endpoints.MapPost(pattern, processMessage).RequireRateLimiting(MessagesRateLimitPolicy);
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
