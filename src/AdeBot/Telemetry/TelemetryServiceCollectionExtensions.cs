using System.Diagnostics;
using AdeBot.Connector;
using AdeBot.Inventory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AdeBot.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// AdeBot's spans and metrics (AdeBotTelemetry, AdeBotMetrics), the turn telemetry the Teams
    /// handler opens, the Graph and Connector hooks, and the exporters the `Telemetry` section turns
    /// on (validated at start-up): OTLP for traces, metrics and logs, Prometheus for metrics. With
    /// none configured, the OpenTelemetry SDK is not started and nothing leaves the process.
    /// Needs AddAlertStorage (the inbox gauges) and AddAudit; call before AddTeamsBot.
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TelemetryOptions.SectionName);
        services.AddOptions<TelemetryOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddAdeBotMetrics();
        services.TryAddSingleton<TurnOrigins>();
        services.TryAddSingleton<TurnTelemetry>();
        services.Replace(ServiceDescriptor.Singleton<GraphRequestObserver, GraphTelemetry>());
        services.Replace(ServiceDescriptor.Singleton<ConnectorCallObserver, ConnectorTelemetry>());
        services.AddSingleton<DistributedContextPropagator>(new UntrustedInboundPropagator());
        services.AddHostedService<TelemetryStartup>();

        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.ExportsAnything) return services;

        // Only W3C trace context travels: baggage is neither taken in nor sent on.
        Sdk.SetDefaultTextMapPropagator(new TraceContextPropagator());
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(AdeBotTelemetry.Name, serviceVersion: AdeBotTelemetry.Version))
            .WithMetrics(metrics =>
            {
                Instrument(metrics);
                // Scrapes are rare and cheap; a cached answer would show a scraper numbers up to 300 ms old.
                if (options.PrometheusEndpoint) metrics.AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0);
                if (options.ExportsOtlp) metrics.AddOtlpExporter(otlp => Configure(otlp, options));
            });
        if (options.ExportsOtlp)
        {
            otel.WithTracing(tracing => Instrument(tracing).AddOtlpExporter(otlp => Configure(otlp, options)));
            otel.WithLogging(logging => logging.AddOtlpExporter(otlp => Configure(otlp, options)),
                logs => logs.IncludeScopes = true);
        }
        return services;
    }

    /// AdeBot's instruments alone (what the features record on), without any exporter. Needs
    /// AddAlertStorage (the inbox gauges read the inbox store).
    public static IServiceCollection AddAdeBotMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AdeBotMetrics>();
        return services;
    }

    /// GET /metrics for Prometheus when Telemetry:PrometheusEndpoint is true, answered to loopback
    /// callers or with the bearer key (MetricsEndpointGuard).
    public static IEndpointRouteBuilder MapTelemetry(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (options.PrometheusEndpoint)
        {
            endpoints.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null,
                configureBranchedPipeline: branch => branch.Use(MetricsEndpointGuard.InvokeAsync), optionsName: null);
        }
        return endpoints;
    }

    /// AdeBot's spans with the ASP.NET Core and HttpClient ones. Public so that tests can attach an
    /// in-memory exporter to exactly what production exports.
    public static TracerProviderBuilder Instrument(TracerProviderBuilder tracing) => tracing
        .AddSource(AdeBotTelemetry.Name)
        .AddAspNetCoreInstrumentation(aspNetCore =>
        {
            aspNetCore.Filter = http => !http.Request.Path.StartsWithSegments("/metrics") && !http.Request.Path.StartsWithSegments("/healthz") && !http.Request.Path.StartsWithSegments("/readyz");
        })
        .AddHttpClientInstrumentation(http =>
        {
            http.EnrichWithHttpRequestMessage = (span, request) =>
            {
                if (request.RequestUri is { } uri) span.SetTag("url.full", UrlRedaction.Redact(uri));
            };
        });

    /// AdeBot's metrics with the ASP.NET Core, HttpClient and runtime ones.
    public static MeterProviderBuilder Instrument(MeterProviderBuilder metrics) => metrics
        .AddMeter(AdeBotTelemetry.Name)
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation()
        .AddRuntimeInstrumentation();

    private static void Configure(OtlpExporterOptions otlp, TelemetryOptions options)
    {
        otlp.Endpoint = new Uri(options.OtlpEndpoint!);
        otlp.Protocol = options.OtlpProtocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
    }
}

/// Says at start-up where telemetry goes, so "why is my dashboard empty?" has an answer in the log.
internal sealed partial class TelemetryStartup(IOptions<TelemetryOptions> options, ILogger<TelemetryStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var telemetry = options.Value;
        if (telemetry.ExportsOtlp) Log.Otlp(logger, telemetry.OtlpEndpoint!, telemetry.OtlpProtocol);
        if (telemetry.PrometheusEndpoint)
        {
            if (string.IsNullOrEmpty(telemetry.PrometheusKey)) Log.PrometheusLoopback(logger);
            else Log.PrometheusWithKey(logger);
        }
        if (!telemetry.ExportsAnything) Log.Nowhere(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Telemetry: traces, metrics and logs go to OTLP {Endpoint} ({Protocol})")]
        public static partial void Otlp(ILogger logger, string endpoint, string protocol);

        [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Telemetry: metrics at GET /metrics for loopback callers only (no Telemetry:PrometheusKey)")]
        public static partial void PrometheusLoopback(ILogger logger);

        [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Telemetry: metrics at GET /metrics for loopback callers and callers with the Telemetry:PrometheusKey bearer key")]
        public static partial void PrometheusWithKey(ILogger logger);

        [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Telemetry: nothing is exported (set Telemetry:OtlpEndpoint or Telemetry:PrometheusEndpoint)")]
        public static partial void Nowhere(ILogger logger);
    }
}
