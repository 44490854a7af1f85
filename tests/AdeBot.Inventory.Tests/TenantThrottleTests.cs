using AdeBot.Domain.Tokens;
using System.Net;
using AdeBot.Testing;
using static AdeBot.Inventory.Tests.GraphJson;

namespace AdeBot.Inventory.Tests;

/// A throttled tenant backs off on its own: its reads wait out Graph's Retry-After on the clock,
/// while another tenant's reads go ahead at once.
public sealed class TenantThrottleTests
{
    private static Dictionary<string, string?> TwoTenants() => new()
    {
        ["Graph:ClientId"] = InventoryTestHost.ClientId,
        ["Graph:ClientSecret"] = InventoryTestHost.ClientSecret,
        ["Graph:Tenants:0:TenantId"] = InventoryTestHost.TenantA,
        ["Graph:Tenants:1:TenantId"] = InventoryTestHost.TenantB,
        ["Graph:RequestTimeoutSeconds"] = "600",
    };

    [Fact]
    public async Task One_tenants_429_pauses_that_tenant_only()
    {
        var throttledOnce = 0;
        var network = new FakeNetwork().HealthyTenant().On(AdePath, request =>
            request.Headers.Authorization!.Parameter == $"access-for-{InventoryTestHost.TenantA}" && Interlocked.Exchange(ref throttledOnce, 1) == 0
                ? Status(HttpStatusCode.TooManyRequests, ("Retry-After", "30"))
                : FakeNetwork.Json(Page([AdeToken(1)])));
        using var host = InventoryTestHost.Create(TwoTenants(), network);

        var throttled = host.ReadAsync(InventoryTestHost.TenantA);
        await WaitUntilAsync(() => network.GraphRequests(AdePath).Count == 1);

        // Tenant B is read in full while A waits for its Retry-After; the clock has not moved.
        var other = await host.ReadAsync(InventoryTestHost.TenantB);
        Assert.True(other.Succeeded);
        Assert.False(throttled.IsCompleted);

        host.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(throttled.IsCompleted);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var reading = await throttled;

        Assert.True(reading.Succeeded);
        Assert.Equal(3, network.GraphRequests(AdePath).Count);
    }

    [Fact]
    public async Task A_refused_manual_sync_is_answered_at_once_and_does_not_pause_the_tenants_reads()
    {
        const string syncPath = AdePath + "/ade-0001/syncWithAppleDeviceEnrollmentProgram";
        var network = new FakeNetwork().HealthyTenant()
            .On(syncPath, _ => Status(HttpStatusCode.TooManyRequests, ("Retry-After", "600")));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(("Graph:RequestTimeoutSeconds", "600")), network);

        // Intune's cooldown answer: passed on with its wait, sent once, not retried.
        var sync = await host.Get<ITokenSync>().RequestSyncAsync(InventoryTestHost.TenantA, "ade-0001", TestTimeout.Token);
        Assert.Equal(new SyncRequestResult(SyncRequestOutcome.NotNow, TimeSpan.FromSeconds(600)), sync);
        Assert.Single(network.GraphRequests(syncPath));

        // The tenant's reads go ahead without the clock moving: the refusal was about that token.
        var reading = await host.ReadAsync(forceRefresh: true).WaitAsync(TestTimeout.Token);
        Assert.True(reading.Succeeded);
    }

    [Fact]
    public async Task A_tenants_other_requests_wait_for_its_pause_too()
    {
        var clock = new BackoffClock(TimeSpan.FromMinutes(5));
        var apnsAttempts = 0;
        var network = new FakeNetwork().HealthyTenant().On(ApnsPath, _ => Interlocked.Increment(ref apnsAttempts) == 1
            ? Status(HttpStatusCode.TooManyRequests)
            : FakeNetwork.Json(Apns));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(("Graph:RequestTimeoutSeconds", "600")), network, clock: clock);

        var reading = await host.ReadAsync();

        // No Retry-After: the first back-off step, once, before the retry and the VPP read after it.
        Assert.True(reading.Succeeded);
        Assert.Equal([TenantThrottleHandler.FirstDelay], clock.Waits);
        Assert.Single(network.GraphRequests(VppPath));
        Assert.Equal(2, network.GraphRequests(ApnsPath).Count);
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData(null, 4)]      // the second exponential step
    [InlineData("3600", null)] // longer than any read can wait: handed back, not waited for
    public void The_wait_follows_Retry_After_or_backs_off_exponentially(string? retryAfter, int? expectedSeconds)
    {
        var handler = new TenantThrottleHandler(TimeProvider.System);
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (retryAfter is not null) response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);

        Assert.Equal(expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : null, handler.DelayBefore(2, response));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        while (!condition()) await Task.Delay(5, TestTimeout.Token);
    }
}
