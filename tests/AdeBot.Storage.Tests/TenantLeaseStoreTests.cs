using AdeBot.Domain.Alerts;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;
using static AdeBot.Storage.Tests.TestStorage;

namespace AdeBot.Storage.Tests;

/// Two instances sharing one database, each with its own database and store objects.
public abstract class TenantLeaseStoreTests(TestStorage storage) : StoreTests(storage)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private ITenantLeaseStore NewLeases() => _db.NewTenantLeaseStore();

    private DateTimeOffset Now => _db.Clock.GetUtcNow();

    private async Task InstallAsync(params string[] tenants)
    {
        var store = _db.NewStore();
        foreach (var tenant in tenants) await store.UpsertConversationAsync(Conversation(tenant), true, None);
    }

    [Fact]
    public async Task A_tenant_is_claimed_by_one_instance_at_a_time()
    {
        await InstallAsync("t1", "t2", "t3");
        var (a, b) = (NewLeases(), NewLeases());

        var first = await a.ClaimAsync("a", "run-a", 2, Now, Now + Lease, None);
        var second = await b.ClaimAsync("b", "run-b", 5, Now, Now + Lease, None);

        Assert.Equal(["t1", "t2"], first.Select(l => l.TenantId));
        Assert.Equal(["t3"], second.Select(l => l.TenantId));
        Assert.Empty(await b.ClaimAsync("b", "run-b2", 5, DateTimeOffset.MaxValue, Now + Lease, None));
    }

    [Fact]
    public async Task A_checked_tenant_is_not_due_again_before_its_next_due_time_and_a_run_claims_it_once()
    {
        await InstallAsync("t1");
        var leases = NewLeases();
        var lease = Assert.Single(await leases.ClaimAsync("a", "run-1", 5, Now, Now + Lease, None));
        await leases.ReleaseAsync(lease, Now + TimeSpan.FromHours(1), None);

        Assert.Empty(await leases.ClaimAsync("b", "run-2", 5, Now, Now + Lease, None));
        // An on-demand check takes it regardless of its due time, but only once per run.
        Assert.Single(await leases.ClaimAsync("b", "run-3", 5, DateTimeOffset.MaxValue, Now + Lease, None));
        _db.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Empty(await leases.ClaimAsync("b", "run-3", 5, DateTimeOffset.MaxValue, Now + Lease, None));
    }

    [Fact]
    public async Task A_dead_holders_lease_runs_out_and_then_its_renewal_and_commit_are_refused()
    {
        await InstallAsync("t1");
        var (dead, alive) = (NewLeases(), NewLeases());
        var lost = Assert.Single(await dead.ClaimAsync("dead", "run-d", 5, Now, Now + Lease, None));
        Assert.Empty(await alive.ClaimAsync("alive", "run-a", 5, Now, Now + Lease, None));

        _db.Clock.Advance(Lease);
        var taken = Assert.Single(await alive.ClaimAsync("alive", "run-a", 5, Now, Now + Lease, None));

        Assert.NotEqual(lost.Token, taken.Token);
        Assert.False(await dead.RenewAsync(lost, Now + Lease, None));
        var key = Conversation("t1").Key;
        var step = Step(new FindingId("t1", TokenKind.Ade, "ade|1", AlertTracks.Expiry), ProblemCode.ExpiringSoon, "days:7", -7, HealthStatus.Critical);
        Assert.Equal(LeasedCommit.LeaseLost, await dead.CommitAsync(lost, key, [step], None));
        Assert.Empty((await _db.NewStore().ReadAsync(key, None)).Entries);

        Assert.True(await alive.RenewAsync(taken, Now + Lease, None));
        Assert.Equal(LeasedCommit.Committed, await alive.CommitAsync(taken, key, [step], None));
        Assert.Single((await _db.NewStore().ReadAsync(key, None)).Entries);
        // A late release by the dead holder does not free the tenant from its new holder.
        await dead.ReleaseAsync(lost, null, None);
        Assert.Empty(await NewLeases().ClaimAsync("third", "run-t", 5, DateTimeOffset.MaxValue, Now + Lease, None));
    }

    [Fact]
    public async Task A_release_without_a_due_time_lets_another_instance_take_the_tenant_at_once()
    {
        await InstallAsync("t1");
        var (stopping, other) = (NewLeases(), NewLeases());
        var lease = Assert.Single(await stopping.ClaimAsync("stopping", "run-s", 5, Now, Now + Lease, None));

        await stopping.ReleaseAsync(lease, nextDueAt: null, None);

        Assert.Single(await other.ClaimAsync("other", "run-o", 5, Now, Now + Lease, None));
    }

    [Fact]
    public async Task Only_tenants_with_an_active_subscription_are_claimed_and_a_gone_conversation_is_not_committed()
    {
        await InstallAsync("t1", "t2");
        var store = _db.NewStore();
        await store.SetActiveAsync(Conversation("t2").Key, false, None);
        var leases = NewLeases();

        var lease = Assert.Single(await leases.ClaimAsync("a", "run", 5, Now, Now + Lease, None));
        await store.RemoveAsync(Conversation("t1").Key, None);

        Assert.Equal("t1", lease.TenantId);
        Assert.Equal(LeasedCommit.ConversationGone, await leases.CommitAsync(lease, Conversation("t1").Key, [], None));
    }
}

public sealed class SqliteTenantLeaseStoreTests() : TenantLeaseStoreTests(new TempDatabase());

public sealed class PostgreSqlTenantLeaseStoreTests() : TenantLeaseStoreTests(new TempPostgreSqlDatabase());
