using System.Globalization;
using System.Net;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace AdeBot.Inventory;

/// One tenant's Graph pipeline slows down as a whole: a 429 (or 503/504) pauses every request of
/// that tenant until its Retry-After has passed (exponentially 2, 4, 8 s when Graph sends none,
/// since some Intune endpoints throttle without it), and the throttled request is retried after the
/// pause, on the injected clock. Each tenant has its own pipeline and so its own throttle: one
/// tenant's throttling never holds up another's reads. Requests are also kept within Intune's
/// per-app-per-tenant limit for the enrollment family (1,000 requests per 20 s,
/// https://learn.microsoft.com/graph/throttling-limits), the strictest that applies to the reads.
/// It takes the place of the SDK's retry handler, whose waits run on the wall clock.
internal sealed class TenantThrottleHandler(TimeProvider time) : DelegatingHandler
{
    /// The first try and three retries, as the SDK's handler does.
    public const int MaxAttempts = 4;

    public const int RequestsPerWindow = 1_000;

    public static readonly TimeSpan Window = TimeSpan.FromSeconds(20);

    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(2);

    /// A longer Retry-After is not waited for: the throttled answer goes back to the caller
    /// (the tenant stays paused for it, so the next read does not hammer Graph either).
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    private static readonly HttpRequestOptionsKey<IRequestOption> RetryOptionKey = new(typeof(RetryHandlerOption).FullName!);

    private static readonly HttpRequestOptionsKey<IRequestOption> RefusalIsTheAnswerKey = new(typeof(RefusalIsTheAnswerOption).FullName!);

    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _recent = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// Until when the tenant is paused by Graph's last throttling answer (MinValue when never).
    public DateTimeOffset PausedUntil
    {
        get { lock (_gate) return _pausedUntil; }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A caller that retries on its own (the device reads' GraphBackoff) still honours the pause.
        var retries = !(request.Options.TryGetValue(RetryOptionKey, out var option) && option is RetryHandlerOption { MaxRetry: 0 });
        // Buffered, so a retry sends the same body again (the membership check is a POST).
        if (retries && request.Content is not null) await request.Content.LoadIntoBufferAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await WaitTurnAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            if (!IsThrottled(response.StatusCode)) return response;
            // Intune refuses a manual sync inside its 15-minute cooldown with a 429 about that one
            // token: it says nothing about the tenant's reads, so it must not pause them.
            if (request.Options.TryGetValue(RefusalIsTheAnswerKey, out _)) return response;

            var delay = DelayBefore(attempt, response);
            lock (_gate)
            {
                var until = time.GetUtcNow() + (delay ?? MaxDelay);
                if (until > _pausedUntil) _pausedUntil = until;
            }
            if (!retries || attempt >= MaxAttempts || delay is null) return response;
            response.Dispose();
        }
    }

    private static bool IsThrottled(HttpStatusCode status) => (int)status is 429 or 503 or 504;

    /// Waits out the pause, then for a free place in the rolling window.
    private async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                while (_recent.Count > 0 && _recent.Peek() + Window <= now) _recent.Dequeue();
                if (_pausedUntil > now) wait = _pausedUntil - now;
                else if (_recent.Count >= RequestsPerWindow) wait = _recent.Peek() + Window - now;
                else
                {
                    _recent.Enqueue(now);
                    return;
                }
            }
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// Retry-After in seconds or as an HTTP date; otherwise 2, 4, 8 seconds. Null: longer than MaxDelay.
    internal TimeSpan? DelayBefore(int attempt, HttpResponseMessage response)
    {
        TimeSpan? asked = null;
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta) asked = delta;
            else if (retryAfter.Date is { } at) asked = at - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        else if (response.Headers.TryGetValues("Retry-After", out var values)
                 && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            asked = TimeSpan.FromSeconds(seconds);

        if (asked is { } given) return given <= MaxDelay ? given : null;
        return FirstDelay * Math.Pow(2, attempt - 1);
    }
}

/// Marks a request whose 429 is an answer about that request alone (the manual sync's cooldown),
/// not Graph throttling the tenant: it is neither retried nor pauses the tenant's other requests.
/// An earlier pause of the tenant still holds it back.
internal sealed class RefusalIsTheAnswerOption : IRequestOption;

internal static class GraphPipeline
{
    /// The SDK's default handlers without its retry handler, which TenantThrottleHandler replaces.
    public static IList<DelegatingHandler> Handlers(TimeProvider time, params DelegatingHandler[] innermost) =>
        [.. GraphClientFactory.CreateDefaultHandlers().Where(h => h is not Microsoft.Kiota.Http.HttpClientLibrary.Middleware.RetryHandler),
            new TenantThrottleHandler(time), .. innermost];
}
