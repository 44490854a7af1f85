using System.Collections.Concurrent;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;

namespace AdeBot.Conversations.SyncNow;

/// The syncs this process started, so a card composed from a snapshot cached before the sync
/// shows Intune's wait instead of the button. After a restart the cache is gone and Graph's own
/// lastSyncTriggeredDateTime says it.
public sealed class RecentSyncs(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Tenant, string Token), DateTimeOffset> _started = new();

    public void Started(string tenantId, string tokenId) => _started[(tenantId.ToLowerInvariant(), tokenId)] = time.GetUtcNow();

    /// The health with each ADE token's last trigger moved to a later sync started here.
    public TenantHealth Apply(TenantHealth health)
    {
        var now = time.GetUtcNow();
        foreach (var old in _started.Where(s => now - s.Value >= ManualSync.Cooldown)) _started.TryRemove(old);
        if (_started.IsEmpty) return health;
        var tenant = health.TenantId.ToLowerInvariant();
        return health with
        {
            Tokens = [.. health.Tokens.Select(t => t.Kind == TokenKind.Ade && _started.TryGetValue((tenant, t.Id), out var at)
                && (t.LastSyncTriggeredAt is not { } graph || graph < at) ? t with { LastSyncTriggeredAt = at } : t)],
        };
    }
}
