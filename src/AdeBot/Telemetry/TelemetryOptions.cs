using Microsoft.Extensions.Options;

namespace AdeBot.Telemetry;

/// Configuration section "Telemetry": where traces, metrics and logs go. Nothing set: nowhere.
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    public const int MinPrometheusKeyLength = 16;

    /// An OpenTelemetry collector (or Azure Monitor, Grafana, Jaeger through one) that receives
    /// traces, metrics and logs, e.g. http://otel-collector:4317.
    public string? OtlpEndpoint { get; set; }

    /// `grpc` (port 4317 by convention) or `http/protobuf` (4318).
    public string OtlpProtocol { get; set; } = "grpc";

    /// Serve the metrics for Prometheus at GET /metrics: to loopback callers, or to callers that
    /// send `Authorization: Bearer <PrometheusKey>`.
    public bool PrometheusEndpoint { get; set; }

    /// The bearer key a remote Prometheus sends; without it only loopback may scrape.
    public string? PrometheusKey { get; set; }

    public bool ExportsOtlp => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public bool ExportsAnything => ExportsOtlp || PrometheusEndpoint;
}

internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    private const string Prefix = TelemetryOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        List<string> failures = [];
        if (options.ExportsOtlp
            && !(Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https"))
            failures.Add($"{Prefix}OtlpEndpoint must be an absolute http or https URL, such as http://otel-collector:4317.");
        if (options.OtlpProtocol is not ("grpc" or "http/protobuf"))
            failures.Add($"{Prefix}OtlpProtocol must be grpc or http/protobuf.");
        if (!string.IsNullOrEmpty(options.PrometheusKey) && options.PrometheusKey.Length < TelemetryOptions.MinPrometheusKeyLength)
            failures.Add($"{Prefix}PrometheusKey must be at least {TelemetryOptions.MinPrometheusKeyLength} characters.");
        if (!string.IsNullOrEmpty(options.PrometheusKey) && !options.PrometheusEndpoint)
            failures.Add($"{Prefix}PrometheusKey is set but {Prefix}PrometheusEndpoint is not true.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
