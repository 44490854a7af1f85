using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AdeBot.Access;

/// At most one refusal reply per user and conversation in Access:RefusalReplyIntervalSeconds. A
/// refused sender learns once that AdeBot will not help; answering every message would let an
/// outsider make the bot post (and hit Teams' per-thread limits) as fast as they can type.
public sealed class RefusalReplyLimiter(IOptions<AccessOptions> options, TimeProvider time)
{
    /// Past this many senders the ones whose interval is over are forgotten.
    private const int PruneAbove = 10_000;

    private readonly TimeSpan _interval = TimeSpan.FromSeconds(options.Value.RefusalReplyIntervalSeconds);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastReply = new(StringComparer.OrdinalIgnoreCase);
    private readonly PruneSchedule _prune = new(TimeSpan.FromSeconds(Math.Max(1, options.Value.RefusalReplyIntervalSeconds)));

    /// True when this refusal may be answered (and counts as the interval's one reply).
    public bool TryReply(string? tenantId, string? conversationId, string? userId)
    {
        if (_interval <= TimeSpan.Zero) return true;
        var now = time.GetUtcNow();
        var key = $"{tenantId}/{conversationId}/{userId}";
        var replied = false;
        _lastReply.AddOrUpdate(key,
            _ => { replied = true; return now; },
            (_, last) =>
            {
                replied = now - last >= _interval;
                return replied ? now : last;
            });
        if (_lastReply.Count > PruneAbove && _prune.TryStart(now))
        {
            foreach (var (sender, last) in _lastReply)
                if (now - last >= _interval) _lastReply.TryRemove(sender, out _);
        }
        return replied;
    }
}
