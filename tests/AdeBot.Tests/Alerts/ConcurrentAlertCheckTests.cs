using AdeBot.Alerts;
using AdeBot.Testing;
using AdeBot.Testing.Connector;
using AdeBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Tests.Alerts;

/// One instance checks tenants side by side, up to Alerts:MaxConcurrentTenants, and a tenant that
/// Graph throttles waits alone.
public sealed class ConcurrentAlertCheckTests
{
    private static IReadOnlyList<string> Tenants(int count) =>
        [.. Enumerable.Range(1, count).Select(i => $"7e000000-0000-4000-8000-{i:D12}")];

    [Fact]
    public async Task Tenants_are_read_side_by_side_up_to_the_limit_and_every_conversation_is_alerted_once()
    {
        const int Limit = 3;
        var tenants = Tenants(10);
        using var folder = new TempFolder("adebot-alerts-");
        await using var connector = await FakeConnectorServer.StartHttpAsync();
        var time = new FakeTimeProvider(TestClock.Start);
        var network = new FakeTenantsNetwork(time.GetUtcNow()) { HoldAdeReads = true };
        await using var host = AlertsTestHost.Start(time, folder.Path,
            new Dictionary<string, string?>(FakeTenantsNetwork.Settings(tenants)) { ["Alerts:MaxConcurrentTenants"] = $"{Limit}" }, network);
        foreach (var tenant in tenants) await host.InstallAsync($"a:{tenant}", connector.ServiceUrl(), tenantId: tenant);

        var check = host.CheckAsync();
        for (var released = 0; released < tenants.Count; released++)
        {
            var expected = Math.Min(Limit, tenants.Count - released);
            // Each release lets exactly one read through, so this many are waiting now.
            var waiting = released + expected;
            await TeamsChat.WaitForAsync(() => network.Held == waiting, $"{expected} tenants read at once");
            network.Release();
        }
        var result = await check;

        Assert.Equal(Limit, network.MostAtOnce);
        Assert.Equal(new AlertCheckResult(Tenants: 10, TenantsSkipped: 0, AlertsSent: 10, SendsFailed: 0, SubscriptionsRemoved: 0), result);
        Assert.Equal(tenants.Select(t => $"a:{t}").Order(), SentAlert.All(connector).Select(s => s.ConversationId).Order());
    }

    [Fact]
    public async Task A_throttled_tenant_waits_for_its_Retry_After_while_the_others_are_checked()
    {
        var tenants = Tenants(5);
        using var folder = new TempFolder("adebot-alerts-");
        await using var connector = await FakeConnectorServer.StartHttpAsync();
        var time = new FakeTimeProvider(TestClock.Start);
        var network = new FakeTenantsNetwork(time.GetUtcNow());
        network.ThrottleFirstRead(tenants[0], retryAfterSeconds: 45);
        await using var host = AlertsTestHost.Start(time, folder.Path,
            new Dictionary<string, string?>(FakeTenantsNetwork.Settings(tenants))
            {
                ["Alerts:MaxConcurrentTenants"] = "2",
                ["Graph:RequestTimeoutSeconds"] = "600",
            }, network);
        foreach (var tenant in tenants) await host.InstallAsync($"a:{tenant}", connector.ServiceUrl(), tenantId: tenant);

        var check = host.CheckAsync();
        // The other four, two at a time through the remaining place, without the clock moving.
        await TeamsChat.WaitForAsync(() => connector.Requests.Count == 4, "the four unthrottled tenants alerted");
        Assert.DoesNotContain(SentAlert.All(connector), s => s.ConversationId == $"a:{tenants[0]}");
        Assert.False(check.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(45));
        var result = await check;

        Assert.Equal(5, result.AlertsSent);
        Assert.Contains(SentAlert.All(connector), s => s.ConversationId == $"a:{tenants[0]}");
    }
}
