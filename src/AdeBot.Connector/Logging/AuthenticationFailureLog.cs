using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdeBot.Connector;

/// Anyone on the internet can send a bad token, so refusals are not logged one line each: the first
/// refusal of each reason in an interval is logged with its detail, later ones of that reason are
/// only counted, and the count is logged (with the reason) when the next interval's first refusal
/// arrives. Intervals run on the injected <see cref="TimeProvider"/>.
internal sealed class AuthenticationFailureLog(TimeProvider time, IOptions<BotOptions> options, ILogger<AuthenticationFailureLog> logger)
{
    private readonly ConcurrentDictionary<BotAuthFailure, Window> _windows = new();

    public void Record(BotAuthFailure reason, string detail)
    {
        var now = time.GetUtcNow();
        var interval = TimeSpan.FromSeconds(options.Value.AuthenticationFailureLogIntervalSeconds);
        var window = _windows.GetOrAdd(reason, _ => new Window());
        long suppressed;
        DateTimeOffset suppressedSince;
        lock (window)
        {
            if (window.Start is { } start && now - start < interval)
            {
                window.Suppressed++;
                return;
            }
            suppressed = window.Suppressed;
            suppressedSince = window.Start ?? now;
            window.Start = now;
            window.Suppressed = 0;
        }
        if (suppressed > 0) Log.AuthenticationFailuresSuppressed(logger, suppressed, reason, now - suppressedSince);
        Log.AuthenticationFailed(logger, reason, LogSanitizer.Clean(detail));
    }

    private sealed class Window
    {
        public DateTimeOffset? Start { get; set; }

        public long Suppressed { get; set; }
    }
}
