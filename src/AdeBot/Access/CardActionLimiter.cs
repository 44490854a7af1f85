using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AdeBot.Access;

/// At most Access:CardActionsPerUserPerMinute card clicks per user in any minute. Every "Check
/// again" may read Graph, and Intune throttles per app and tenant, so one user clicking (or a
/// script posting invokes) must not use up what the alert checks and everyone else need.
public sealed class CardActionLimiter(IOptions<AccessOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// Past this many users the ones with no click inside the window are forgotten.
    private const int PruneAbove = 10_000;

    private readonly int _perMinute = options.Value.CardActionsPerUserPerMinute;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _clicks = new(StringComparer.OrdinalIgnoreCase);
    private readonly PruneSchedule _prune = new(Window);

    /// False when the user already clicked the limit's worth in the last minute; the click is then not counted.
    public bool TryAcquire(string? tenantId, string? userId)
    {
        var now = time.GetUtcNow();
        var clicks = _clicks.GetOrAdd($"{tenantId}/{userId}", _ => new Queue<DateTimeOffset>());
        bool allowed;
        lock (clicks)
        {
            while (clicks.Count > 0 && now - clicks.Peek() >= Window) clicks.Dequeue();
            allowed = clicks.Count < _perMinute;
            if (allowed) clicks.Enqueue(now);
        }
        if (_clicks.Count > PruneAbove && _prune.TryStart(now)) Prune(now);
        return allowed;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (user, clicks) in _clicks)
        {
            lock (clicks)
            {
                if (clicks.Count == 0 || now - clicks.Last() >= Window) _clicks.TryRemove(user, out _);
            }
        }
    }
}
