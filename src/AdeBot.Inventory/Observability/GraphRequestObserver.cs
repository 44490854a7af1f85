using System.Net;

namespace AdeBot.Inventory;

/// How one Graph request ended, as an operator counts it.
public enum GraphRequestOutcome
{
    /// Graph answered (a 404 too: AdeBot reads it as "not configured", not as a failure).
    Ok,
    /// 429, or 503 with Retry-After: Graph asked AdeBot to slow down.
    Throttled,
    /// 401 or 403: a permission or consent is missing.
    Forbidden,
    /// Any other error status, a timeout or a network failure.
    Failed,
}

/// Hooks the host uses to measure Graph without the inventory knowing any telemetry library: every
/// HTTP attempt (retries included) and every sign-in token a tenant's credential obtains.
/// The default does nothing.
public class GraphRequestObserver
{
    public static readonly GraphRequestObserver None = new();

    /// A request is about to leave; the returned state comes back to Completed (a span, say).
    /// `pathTemplate` is the path with ids replaced by `{id}` (no query: a filter may hold a serial).
    public virtual object? Starting(string tenantId, string method, string pathTemplate) => null;

    public virtual void Completed(object? state, string tenantId, GraphRequestOutcome outcome, int? statusCode, TimeSpan duration)
    {
    }

    /// A tenant's credential obtained a token, or failed to; `failure` is a cause name, never a message.
    public virtual void SignIn(string tenantId, bool succeeded, string? failure)
    {
    }

    public static GraphRequestOutcome Classify(HttpStatusCode status, bool hasRetryAfter) => (int)status switch
    {
        < 400 or 404 => GraphRequestOutcome.Ok,
        429 => GraphRequestOutcome.Throttled,
        503 when hasRetryAfter => GraphRequestOutcome.Throttled,
        401 or 403 => GraphRequestOutcome.Forbidden,
        _ => GraphRequestOutcome.Failed,
    };

    /// `/beta/deviceManagement/depOnboardingSettings/6f1…/enrollmentProfiles` →
    /// `/beta/deviceManagement/depOnboardingSettings/{id}/enrollmentProfiles`: a segment longer than
    /// a version (`v1.0`, `v3`) that holds a digit is an id (a token, a user, a conversation), which
    /// telemetry must neither multiply by nor carry.
    public static string PathTemplate(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length > 4 && segments[i].Any(char.IsDigit)) segments[i] = "{id}";
        }
        return string.Join('/', segments);
    }
}

/// Sits closest to the network in a tenant's Graph pipeline, below the SDK's retry handler, so
/// every attempt is seen with its own status and duration.
internal sealed class ObservedGraphHandler(GraphRequestObserver observer, string tenantId, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = observer.Starting(tenantId, request.Method.Method, request.RequestUri is { } uri ? GraphRequestObserver.PathTemplate(uri) : "");
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            observer.Completed(state, tenantId, GraphRequestObserver.Classify(response.StatusCode, response.Headers.RetryAfter is not null),
                (int)response.StatusCode, time.GetElapsedTime(started));
            return response;
        }
        catch
        {
            observer.Completed(state, tenantId, GraphRequestOutcome.Failed, null, time.GetElapsedTime(started));
            throw;
        }
    }
}
