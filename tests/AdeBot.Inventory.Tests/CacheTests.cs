using AdeBot.Testing;
using System.Net;
using AdeBot.Domain.Tokens;
using static AdeBot.Inventory.Tests.GraphJson;

namespace AdeBot.Inventory.Tests;

public sealed class CacheTests
{
    [Fact]
    public async Task A_snapshot_is_reused_for_the_cache_time_and_then_read_again()
    {
        var network = new FakeNetwork().HealthyTenant();
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(("Graph:SnapshotCacheMinutes", "5")), network);

        var first = await host.ReadAsync();
        host.Time.Advance(TimeSpan.FromMinutes(4));
        var cached = await host.ReadAsync();
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var refreshed = await host.ReadAsync();

        Assert.Same(first.Snapshot, cached.Snapshot);
        Assert.True(cached.Succeeded);
        Assert.NotSame(first.Snapshot, refreshed.Snapshot);
        Assert.Equal(host.Time.GetUtcNow(), refreshed.Snapshot!.AsOf);
        Assert.Equal(2, network.GraphRequests(AdePath).Count);
    }

    [Fact]
    public async Task Check_again_bypasses_the_cache_once_the_snapshot_is_a_minute_old()
    {
        var network = new FakeNetwork().HealthyTenant();
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var first = await host.ReadAsync();
        host.Time.Advance(TimeSpan.FromSeconds(60));
        var forced = await host.ReadAsync(forceRefresh: true);

        Assert.NotSame(first.Snapshot, forced.Snapshot);
        Assert.Equal(2, network.GraphRequests(AdePath).Count);
    }

    [Theory]
    [InlineData(null, 59, 1)]
    [InlineData(null, 60, 2)]
    [InlineData("10", 9, 1)]
    [InlineData("10", 10, 2)]
    [InlineData("0", 0, 6)]
    public async Task F5_check_again_within_the_minimum_age_serves_the_cached_snapshot(string? minimumAgeSeconds, int secondsLater, int adeReads)
    {
        var network = new FakeNetwork().HealthyTenant();
        using var host = InventoryTestHost.Create(minimumAgeSeconds is null
            ? InventoryTestHost.OneTenant()
            : InventoryTestHost.OneTenant(("Graph:ForcedRefreshMinimumAgeSeconds", minimumAgeSeconds)), network);

        var first = await host.ReadAsync();
        host.Time.Advance(TimeSpan.FromSeconds(secondsLater));
        // A user clicking (or a script posting invokes) as fast as it can.
        for (var click = 0; click < 5; click++) await host.ReadAsync(forceRefresh: true);

        Assert.Equal(adeReads, network.GraphRequests(AdePath).Count);
        Assert.Equal(adeReads == 1, ReferenceEquals(first.Snapshot, (await host.ReadAsync(forceRefresh: true)).Snapshot));
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, InventoryFailureKind.PermissionMissing)]
    [InlineData(HttpStatusCode.ServiceUnavailable, InventoryFailureKind.GraphUnavailable)]
    public async Task When_a_refresh_fails_the_last_good_snapshot_is_served_as_stale(HttpStatusCode status, InventoryFailureKind kind)
    {
        var failing = false;
        var network = new FakeNetwork().HealthyTenant()
            .On(VppPath, _ => failing ? Status(status, ("Retry-After", "0")) : FakeNetwork.Json(Page([VppToken("vpp-1", "valid")])));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);
        var good = await host.ReadAsync();
        var takenAt = host.Time.GetUtcNow();

        failing = true;
        host.Time.Advance(TimeSpan.FromMinutes(30));
        var stale = await host.ReadAsync();

        Assert.True(stale.IsStale);
        Assert.False(stale.Succeeded);
        Assert.Equal(kind, stale.Failure?.Kind);
        Assert.Same(good.Snapshot, stale.Snapshot);
        Assert.Equal(takenAt, stale.Snapshot!.AsOf);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 2005);

        failing = false;
        var recovered = await host.ReadAsync();
        Assert.True(recovered.Succeeded);
        Assert.False(recovered.IsStale);
        Assert.Equal(host.Time.GetUtcNow(), recovered.Snapshot!.AsOf);
    }

    [Fact]
    public async Task Concurrent_reads_of_one_tenant_share_a_single_Graph_read()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var network = new FakeNetwork().HealthyTenant().On(AdePath, async (_, cancellationToken) =>
        {
            arrived.TrySetResult();
            await release.Task.WaitAsync(cancellationToken);
            return FakeNetwork.Json(Page([AdeToken(1)]));
        });
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var first = host.ReadAsync();
        await arrived.Task.WaitAsync(TestTimeout.Token);
        var others = Enumerable.Range(0, 8).Select(i => host.ReadAsync(forceRefresh: i % 2 == 0)).ToList();
        release.SetResult();
        var readings = await Task.WhenAll([first, .. others]);

        Assert.Single(network.GraphRequests(AdePath));
        Assert.All(readings, r => Assert.Same(readings[0].Snapshot, r.Snapshot));
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_shared_read()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var network = new FakeNetwork().HealthyTenant().On(AdePath, async (_, cancellationToken) =>
        {
            await release.Task.WaitAsync(cancellationToken);
            return FakeNetwork.Json(Page([AdeToken(1)]));
        });
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);
        using var impatient = new CancellationTokenSource();

        var abandoned = host.Inventory.ReadAsync(InventoryTestHost.TenantA, impatient.Token);
        var patient = host.ReadAsync();
        impatient.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        release.SetResult();

        Assert.True((await patient).Succeeded);
    }
}
