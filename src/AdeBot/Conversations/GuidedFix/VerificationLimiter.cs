using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AdeBot.Conversations.GuidedFix;

/// At most one verification read per tenant per GuidedFix:VerificationIntervalSeconds, whoever asks.
public sealed class VerificationLimiter(IOptions<GuidedFixOptions> options, TimeProvider time)
{
    /// Past this many tenants the ones not read within the interval are forgotten.
    private const int PruneAbove = 10_000;

    private readonly TimeSpan _interval = TimeSpan.FromSeconds(options.Value.VerificationIntervalSeconds);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastRead = new(StringComparer.OrdinalIgnoreCase);

    /// False when the tenant was read for a verification less than the interval ago; the call is then not counted.
    public bool TryAcquire(string tenantId)
    {
        var now = time.GetUtcNow();
        while (true)
        {
            if (!_lastRead.TryGetValue(tenantId, out var last))
            {
                if (_lastRead.TryAdd(tenantId, now)) break;
                continue;
            }
            if (now - last < _interval) return false;
            if (_lastRead.TryUpdate(tenantId, now, last)) break;
        }
        if (_lastRead.Count > PruneAbove)
        {
            foreach (var (tenant, at) in _lastRead)
                if (now - at >= _interval) _lastRead.TryRemove(tenant, out _);
        }
        return true;
    }
}
