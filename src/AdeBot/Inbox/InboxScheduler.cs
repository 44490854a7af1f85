using AdeBot.Domain.Inbox;

namespace AdeBot.Inbox;

/// Hands accepted entries to the workers, in memory; the store holds the same entries durably.
/// Entries of one conversation run one at a time, oldest first. Tenants take turns (round robin),
/// and so do the conversations of a tenant, so one busy conversation or tenant cannot starve the
/// others: at most one of its turns runs and at most one waits in line for a worker at a time. An
/// entry whose NotBefore lies ahead waits on the clock and does not hold up its conversation.
public sealed class InboxScheduler(TimeProvider time) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TenantLane> _tenants = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<TenantLane> _readyTenants = new();
    private readonly SemaphoreSlim _ready = new(0);
    private readonly HashSet<long> _scheduled = [];
    private readonly CancellationTokenSource _disposed = new();

    /// Entries accepted and not yet taken by a worker, counted with those still waiting on their NotBefore.
    public int Waiting
    {
        get
        {
            lock (_gate) return _scheduled.Count - _tenants.Values.Sum(t => t.Running);
        }
    }

    public void Add(InboxEntry entry)
    {
        lock (_gate)
        {
            // A restart reloads what the accept path may have handed over already.
            if (!_scheduled.Add(entry.Id)) return;
        }

        var wait = entry.NotBefore - time.GetUtcNow();
        if (wait > TimeSpan.Zero) _ = AddWhenDueAsync(entry, wait);
        else AddDue(entry);
    }

    /// The next entry to run; the caller must call Complete with it when done.
    public async Task<InboxEntry> TakeAsync(CancellationToken cancellationToken)
    {
        await _ready.WaitAsync(cancellationToken);
        lock (_gate)
        {
            var tenant = _readyTenants.Dequeue();
            var conversation = tenant.Ready.Dequeue();
            if (tenant.Ready.Count > 0) _readyTenants.Enqueue(tenant);
            else tenant.InLine = false;

            var entry = conversation.Pending.Min!;
            conversation.Pending.Remove(entry);
            conversation.Running = true;
            tenant.Running++;
            return entry;
        }
    }

    public void Complete(InboxEntry entry)
    {
        lock (_gate)
        {
            _scheduled.Remove(entry.Id);
            var tenant = _tenants[entry.TenantId];
            var conversation = tenant.Conversations[entry.ConversationKey];
            conversation.Running = false;
            tenant.Running--;
            if (conversation.Pending.Count > 0) MakeReady(tenant, conversation);
            else tenant.Conversations.Remove(entry.ConversationKey);
            if (tenant.Conversations.Count == 0) _tenants.Remove(entry.TenantId);
        }
    }

    private async Task AddWhenDueAsync(InboxEntry entry, TimeSpan wait)
    {
        try
        {
            await Task.Delay(wait, time, _disposed.Token);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the entry stays pending in the store for the next start.
            return;
        }
        AddDue(entry);
    }

    private void AddDue(InboxEntry entry)
    {
        lock (_gate)
        {
            if (!_tenants.TryGetValue(entry.TenantId, out var tenant)) _tenants[entry.TenantId] = tenant = new TenantLane();
            if (!tenant.Conversations.TryGetValue(entry.ConversationKey, out var conversation))
            {
                tenant.Conversations[entry.ConversationKey] = conversation = new ConversationLane();
            }

            var wasIdle = conversation.Pending.Count == 0 && !conversation.Running;
            conversation.Pending.Add(entry);
            if (wasIdle) MakeReady(tenant, conversation);
        }
    }

    private void MakeReady(TenantLane tenant, ConversationLane conversation)
    {
        tenant.Ready.Enqueue(conversation);
        if (!tenant.InLine)
        {
            tenant.InLine = true;
            _readyTenants.Enqueue(tenant);
        }
        _ready.Release();
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        _ready.Dispose();
    }

    private sealed class TenantLane
    {
        public Dictionary<string, ConversationLane> Conversations { get; } = new(StringComparer.Ordinal);

        /// Conversations with an entry to run and none running, in the order they became ready.
        public Queue<ConversationLane> Ready { get; } = new();

        /// Whether this tenant is in the scheduler's line of tenants with work.
        public bool InLine { get; set; }

        public int Running { get; set; }
    }

    private sealed class ConversationLane
    {
        public SortedSet<InboxEntry> Pending { get; } = new(Comparer<InboxEntry>.Create((a, b) => a.Id.CompareTo(b.Id)));

        public bool Running { get; set; }
    }
}
