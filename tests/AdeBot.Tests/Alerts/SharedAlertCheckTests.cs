using AdeBot.Alerts;
using AdeBot.Testing;
using AdeBot.Testing.Connector;
using AdeBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Tests.Alerts;

/// Two instances (two service providers) on one database file share the alert check through
/// tenant leases: every conversation is alerted exactly once, also when one instance stops cleanly
/// or dies in the middle of its check.
public sealed class SharedAlertCheckTests
{
    private static readonly IReadOnlyList<string> Tenants = [.. Enumerable.Range(1, 6).Select(i => $"5a000000-0000-4000-8000-{i:D12}")];

    private static Dictionary<string, string?> Settings(int maxConcurrentTenants = 2) =>
        new(FakeTenantsNetwork.Settings(Tenants))
        {
            ["Alerts:MaxConcurrentTenants"] = $"{maxConcurrentTenants}",
            ["Alerts:TenantLeaseSeconds"] = "120",
            // Longer than the lease, so a held read outlives its instance's lease.
            ["Graph:RequestTimeoutSeconds"] = "600",
        };

    private static async Task InstallHalfOnEachAsync(AlertsTestHost first, AlertsTestHost second, FakeConnectorServer connector)
    {
        for (var i = 0; i < Tenants.Count; i++)
            await (i % 2 == 0 ? first : second).InstallAsync($"a:{Tenants[i]}", connector.ServiceUrl(), tenantId: Tenants[i]);
    }

    private static void AssertEveryConversationAlertedOnce(FakeConnectorServer connector) =>
        Assert.Equal(Tenants.Select(t => $"a:{t}").Order(), SentAlert.All(connector).Select(s => s.ConversationId).Order());

    [Fact]
    public async Task Two_instances_checking_at_once_read_each_tenant_once_and_alert_each_conversation_once()
    {
        using var folder = new TempFolder("adebot-shared-");
        await using var connector = await FakeConnectorServer.StartHttpAsync();
        var time = new FakeTimeProvider(TestClock.Start);
        var (networkA, networkB) = (new FakeTenantsNetwork(time.GetUtcNow()), new FakeTenantsNetwork(time.GetUtcNow()));
        await using var a = AlertsTestHost.Start(time, folder.Path, Settings(), networkA);
        await using var b = AlertsTestHost.Start(time, folder.Path, Settings(), networkB);
        await InstallHalfOnEachAsync(a, b, connector);

        var results = await Task.WhenAll(a.CheckDueAsync(TestTimeout.Token), b.CheckDueAsync(TestTimeout.Token));

        AssertEveryConversationAlertedOnce(connector);
        Assert.Equal(Tenants.Count, results.Sum(r => r.Tenants));
        Assert.Equal(Tenants.Count, results.Sum(r => r.AlertsSent));
        // Within the interval neither checks a tenant again; after it, one of them does, silently.
        time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, (await a.CheckDueAsync(TestTimeout.Token)).Tenants + (await b.CheckDueAsync(TestTimeout.Token)).Tenants);
        time.Advance(TimeSpan.FromMinutes(31));
        var later = await Task.WhenAll(a.CheckDueAsync(TestTimeout.Token), b.CheckDueAsync(TestTimeout.Token));
        Assert.Equal(Tenants.Count, later.Sum(r => r.Tenants));
        Assert.Equal(0, later.Sum(r => r.AlertsSent));
        AssertEveryConversationAlertedOnce(connector);
    }

    [Fact]
    public async Task An_instance_stopped_mid_check_gives_its_tenants_back_and_the_other_alerts_them_once()
    {
        using var folder = new TempFolder("adebot-shared-");
        await using var connector = await FakeConnectorServer.StartHttpAsync();
        var time = new FakeTimeProvider(TestClock.Start);
        var stuck = new FakeTenantsNetwork(time.GetUtcNow()) { HoldAdeReads = true };
        await using var stopping = AlertsTestHost.Start(time, folder.Path, Settings(), stuck);
        await using var other = AlertsTestHost.Start(time, folder.Path, Settings(), new FakeTenantsNetwork(time.GetUtcNow()));
        await InstallHalfOnEachAsync(stopping, other, connector);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestTimeout.Token);
        var stopped = stopping.CheckDueAsync(stop.Token);
        await TeamsChat.WaitForAsync(() => stuck.Held == 2, "the stopping instance reading its first two tenants");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped);

        // No lease has run out on the clock: the stop gave them back.
        var result = await other.CheckDueAsync(TestTimeout.Token);

        Assert.Equal(Tenants.Count, result.AlertsSent);
        AssertEveryConversationAlertedOnce(connector);
    }

    [Fact]
    public async Task A_dead_instances_leases_run_out_another_takes_its_tenants_and_the_late_instance_sends_nothing()
    {
        using var folder = new TempFolder("adebot-shared-");
        await using var connector = await FakeConnectorServer.StartHttpAsync();
        var time = new FakeTimeProvider(TestClock.Start);
        var frozen = new FakeTenantsNetwork(time.GetUtcNow()) { HoldAdeReads = true };
        await using var late = AlertsTestHost.Start(time, folder.Path, Settings(), frozen);
        await using var other = AlertsTestHost.Start(time, folder.Path, Settings(), new FakeTenantsNetwork(time.GetUtcNow()));
        await InstallHalfOnEachAsync(late, other, connector);

        var lateCheck = late.CheckDueAsync(TestTimeout.Token);
        await TeamsChat.WaitForAsync(() => frozen.Held == 2, "the frozen instance holding two tenants");
        Assert.Equal(4, (await other.CheckDueAsync(TestTimeout.Token)).AlertsSent);

        time.Advance(TimeSpan.FromSeconds(120));
        Assert.Equal(2, (await other.CheckDueAsync(TestTimeout.Token)).AlertsSent);

        // The frozen instance wakes up with its readings: the tenants are another's and already
        // alerted, so it sends nothing (and would be refused at the send and the commit).
        frozen.Release();
        frozen.Release();
        var lateResult = await lateCheck;

        Assert.Equal(0, lateResult.AlertsSent);
        AssertEveryConversationAlertedOnce(connector);
    }
}
