using System.Diagnostics;
using AdeBot.Connector;
using AdeBot.Inventory;
using static AdeBot.Telemetry.AdeBotTelemetry;

namespace AdeBot.Telemetry;

/// Graph requests as spans (children of the turn or alert check that made them, in every mode,
/// the sample included) and as the Graph request metrics.
internal sealed class GraphTelemetry(AdeBotMetrics metrics) : GraphRequestObserver
{
    public override object? Starting(string tenantId, string method, string pathTemplate)
    {
        var span = Source.StartActivity(Spans.GraphRequest, ActivityKind.Client);
        if (span is null) return null;
        span.DisplayName = $"{method} {pathTemplate}";
        span.SetTag(Tags.HttpMethod, method);
        span.SetTag(Tags.UrlPath, pathTemplate);
        span.SetTag(Tags.TenantHash, Hash(tenantId));
        return span;
    }

    public override void Completed(object? state, string tenantId, GraphRequestOutcome outcome, int? statusCode, TimeSpan duration)
    {
        metrics.GraphRequest(tenantId, outcome, duration);
        if (state is not System.Diagnostics.Activity span) return;
        span.SetTag(Tags.GraphOutcome, AdeBotMetrics.OutcomeName(outcome));
        if (statusCode is { } status) span.SetTag(Tags.HttpStatus, status);
        if (outcome != GraphRequestOutcome.Ok) span.SetStatus(ActivityStatusCode.Error, AdeBotMetrics.OutcomeName(outcome));
        span.Dispose();
    }
}

/// Bot Connector calls and retries as metrics; their spans come from the HttpClient instrumentation.
internal sealed class ConnectorTelemetry(AdeBotMetrics metrics) : ConnectorCallObserver
{
    public override void CallCompleted(string operation, ConnectorDelivery delivery, ConnectorStatus status, int? httpStatusCode, TimeSpan duration) =>
        metrics.ConnectorCall(operation, status);

    public override void Retrying(string operation, int httpStatusCode, int attempt) => metrics.ConnectorRetry(operation, httpStatusCode);
}

/// Outgoing URLs as spans show them: ids in the path (conversation and activity ids on the
/// connector, token and user ids on Graph) become `{id}`, and the query (a Graph filter may hold a
/// serial number) is dropped.
internal static class UrlRedaction
{
    public static string Redact(Uri uri) => $"{uri.Scheme}://{uri.Authority}{PathTemplate(uri)}";

    public static string PathTemplate(Uri uri) => GraphRequestObserver.PathTemplate(uri);
}

/// The inbound side of trace context: nothing a caller sends (traceparent, tracestate, baggage) is
/// taken, because no caller is authenticated yet when the request span starts (the Bot Connector's
/// token is checked later, in the body's handling). Outbound requests still carry AdeBot's own context.
internal sealed class UntrustedInboundPropagator : DistributedContextPropagator
{
    private readonly DistributedContextPropagator _outbound = CreateDefaultPropagator();

    public override IReadOnlyCollection<string> Fields => _outbound.Fields;

    public override void Inject(System.Diagnostics.Activity? activity, object? carrier, PropagatorSetterCallback? setter) => _outbound.Inject(activity, carrier, setter);

    public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
    {
        traceId = null;
        traceState = null;
    }

    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) => null;
}
