namespace AdeBot.Alerts;

/// Keeps proactive sends into one tenant to at most `sendsPerSecond` in any one-second window, on
/// the given clock (Teams allows about 50 per app per tenant: https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit). A burst up to the limit
/// goes out at once; beyond it each send gets the next free slot, one second after the send the
/// limit places before it. Slots are handed out in call order.
internal sealed class TenantSendPacer(TimeProvider time, int sendsPerSecond)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, TenantSlots> _tenants = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    public Task WaitTurnAsync(string tenantId, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_tenants.TryGetValue(tenantId, out var tenant)) _tenants[tenantId] = tenant = new TenantSlots();

            var slot = tenant.Latest > now ? tenant.Latest : now;
            if (tenant.Recent.Count == sendsPerSecond)
            {
                var oneWindowAfter = tenant.Recent.Dequeue() + Window;
                if (oneWindowAfter > slot) slot = oneWindowAfter;
            }

            tenant.Recent.Enqueue(slot);
            tenant.Latest = slot;
            wait = slot - now;
        }

        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }

    /// The last `sendsPerSecond` slots handed out, oldest first.
    private sealed class TenantSlots
    {
        public Queue<DateTimeOffset> Recent { get; } = new();
        public DateTimeOffset Latest { get; set; } = DateTimeOffset.MinValue;
    }
}
