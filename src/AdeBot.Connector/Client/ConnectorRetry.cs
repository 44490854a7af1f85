using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace AdeBot.Connector;

/// Retry rules for Connector calls (status codes in https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages,
/// limits in https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit): 429 waits for Retry-After, 412/502/503/504
/// back off exponentially with jitter, and nothing else is retried.
internal static class ConnectorRetry
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(BotOptions options, TimeProvider time, ILogger logger)
    {
        if (options.OutboundMaxRetries == 0) return ResiliencePipeline<HttpResponseMessage>.Empty;

        var maxRetryAfter = TimeSpan.FromSeconds(options.OutboundMaxRetryAfterSeconds);
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.OutboundMaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = BaseDelay,
                MaxDelay = MaxBackoff,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } response && ShouldRetry(response, time, maxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response ? GetRetryAfter(response, time) : null),
                OnRetry = args =>
                {
                    Log.ConnectorRetry(logger, (int?)args.Outcome.Result?.StatusCode ?? 0, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private static bool ShouldRetry(HttpResponseMessage response, TimeProvider time, TimeSpan maxRetryAfter) => response.StatusCode switch
    {
        HttpStatusCode.TooManyRequests => GetRetryAfter(response, time) is not { } wait || wait <= maxRetryAfter,
        HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => true,
        _ => false,
    };

    /// Retry-After as delta seconds or an HTTP date; a date in the past means "now".
    public static TimeSpan? GetRetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
