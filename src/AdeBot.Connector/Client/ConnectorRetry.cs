using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace AdeBot.Connector;

/// Which call a retry is for, so that a log line can name it.
internal sealed record ConnectorCallTarget(string Operation, string Host);

/// One pipeline per <see cref="ConnectorDelivery"/>, built once per factory.
internal sealed record ConnectorPipelines(ResiliencePipeline<HttpResponseMessage> Proactive, ResiliencePipeline<HttpResponseMessage> Interactive)
{
    public ResiliencePipeline<HttpResponseMessage> For(ConnectorDelivery delivery) => delivery switch
    {
        ConnectorDelivery.Interactive => Interactive,
        ConnectorDelivery.Immediate => ResiliencePipeline<HttpResponseMessage>.Empty,
        _ => Proactive,
    };
}

/// Retry rules for Connector calls (status codes in https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages,
/// limits in https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit): 429 waits for Retry-After, 412/502/503/504
/// back off exponentially with jitter, and nothing else is retried.
internal static class ConnectorRetry
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public static readonly ResiliencePropertyKey<ConnectorCallTarget> Target = new("adebot.connector.target");
    private static readonly ResiliencePropertyKey<TimeSpan> Waited = new("adebot.connector.waited");

    /// For a reply a person is waiting for: the same rules, but all waits together stay within
    /// Bot:InteractiveReplyMaxWaitSeconds. A wait that would pass it is not taken; the call then
    /// answers with the last failure, and the give-up is logged.
    public static ResiliencePipeline<HttpResponseMessage> CreateInteractivePipeline(BotOptions options, TimeProvider time, ILogger logger, ConnectorCallObserver observer)
    {
        var budget = TimeSpan.FromSeconds(options.InteractiveReplyMaxWaitSeconds);
        if (options.OutboundMaxRetries == 0 || budget <= TimeSpan.Zero) return ResiliencePipeline<HttpResponseMessage>.Empty;

        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.OutboundMaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = BaseDelay,
                MaxDelay = MaxBackoff,
                ShouldHandle = args =>
                {
                    if (args.Outcome.Result is not { } response || !ShouldRetry(response, time, budget)) return ValueTask.FromResult(false);
                    var waited = args.Context.Properties.GetValue(Waited, TimeSpan.Zero);
                    var next = GetRetryAfter(response, time) ?? BaseDelay;
                    if (waited + next <= budget) return ValueTask.FromResult(true);
                    var target = args.Context.Properties.GetValue(Target, new ConnectorCallTarget("call", "?"));
                    Log.InteractiveRetryBudgetSpent(logger, target.Operation, target.Host, waited, budget, (int)response.StatusCode);
                    return ValueTask.FromResult(false);
                },
                DelayGenerator = args =>
                {
                    var remaining = budget - args.Context.Properties.GetValue(Waited, TimeSpan.Zero);
                    TimeSpan? wanted = args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response ? GetRetryAfter(response, time) : null;
                    // Exponential back-off is capped by what is left of the budget; Retry-After was checked against it already.
                    return ValueTask.FromResult<TimeSpan?>(wanted ?? TimeSpan.FromTicks(Math.Min(remaining.Ticks, (BaseDelay * Math.Pow(2, args.AttemptNumber)).Ticks)));
                },
                OnRetry = args =>
                {
                    args.Context.Properties.Set(Waited, args.Context.Properties.GetValue(Waited, TimeSpan.Zero) + args.RetryDelay);
                    Log.ConnectorRetry(logger, (int?)args.Outcome.Result?.StatusCode ?? 0, args.AttemptNumber + 1, args.RetryDelay);
                    observer.Retrying(args.Context.Properties.GetValue(Target, new ConnectorCallTarget("call", "?")).Operation,
                        (int?)args.Outcome.Result?.StatusCode ?? 0, args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(BotOptions options, TimeProvider time, ILogger logger, ConnectorCallObserver observer)
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
                    observer.Retrying(args.Context.Properties.GetValue(Target, new ConnectorCallTarget("call", "?")).Operation,
                        (int?)args.Outcome.Result?.StatusCode ?? 0, args.AttemptNumber + 1);
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
