using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AdeBot.Connector;

/// One fixed one-second window for all callers of the messages endpoint, on the injected
/// <see cref="TimeProvider"/> (the framework's limiters replenish on wall-clock timers). It never
/// reports itself idle, so the rate limiting middleware keeps this one instance instead of
/// replacing it.
internal sealed class MessagesRateLimiter(TimeProvider time, IOptions<BotOptions> options) : RateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private long _granted;
    private long _refused;

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Math.Max(0, options.Value.MaxRequestsPerSecond - _granted),
                TotalFailedLeases = _refused,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (now - _windowStart >= Window || now < _windowStart)
            {
                _windowStart = now;
                _granted = 0;
            }
            if (_granted + permitCount <= options.Value.MaxRequestsPerSecond)
            {
                _granted += permitCount;
                return Lease.Granted;
            }
            _refused++;
            return new Lease(isAcquired: false, retryAfter: _windowStart + Window - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(bool isAcquired, TimeSpan retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(isAcquired: true, TimeSpan.Zero);

        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => IsAcquired ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (!IsAcquired && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter;
                return true;
            }
            metadata = null;
            return false;
        }
    }
}
