using AdeBot.Domain.Tokens;
using AdeBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Inventory.Tests;

public sealed class SampleTenantTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;

    private static async Task<(InventoryTestHost<FakeNetwork> Host, TenantSnapshot Snapshot)> ReadSample()
    {
        var host = InventoryTestHost.Create(new Dictionary<string, string?>(), new FakeNetwork(), time: new FakeTimeProvider(Now));
        var reading = await host.ReadAsync(SampleTenant.TenantId);
        Assert.True(reading.Succeeded);
        return (host, reading.Snapshot!);
    }

    private static double DaysFromNow(DateTimeOffset? at) => (at!.Value - Now).TotalDays;

    [Fact]
    public async Task With_nothing_configured_the_sample_tenant_is_served_as_sample_data()
    {
        var (host, snapshot) = await ReadSample();
        using var _ = host;

        Assert.Equal(SnapshotSource.Sample, host.Inventory.DefaultSource);
        Assert.Equal(SnapshotSource.Sample, snapshot.Source);
        Assert.Equal(["00000000-0000-0000-0000-000000000ade"], host.Inventory.WatchedTenantIds);
        Assert.True(host.Inventory.CanRead("any-tenant-that-asks"));
        Assert.Equal(Now, snapshot.AsOf);
        Assert.Equal(8, snapshot.AdeTokens.Count); // both pages
        Assert.Empty(host.Network.Requests);
        Assert.All(snapshot.AdeTokens, t => Assert.EndsWith(".example", t.AppleId));
    }

    [Fact]
    public async Task The_sample_covers_every_case_the_health_rules_judge()
    {
        var (host, snapshot) = await ReadSample();
        using var _ = host;
        var ade = snapshot.AdeTokens;

        var healthyAbm = Assert.Single(ade, t => t.Name == "Contoso ABM – Helsinki");
        Assert.Equal(AppleProgram.BusinessManager, healthyAbm.Program);
        Assert.True(DaysFromNow(healthyAbm.ExpiresAt) > 200);
        Assert.Equal(0, healthyAbm.LastSyncErrorCode);
        Assert.True(DaysFromNow(healthyAbm.LastSuccessfulSyncAt) > -1);

        var school = Assert.Single(ade, t => t.Program == AppleProgram.SchoolManager);
        Assert.True(DaysFromNow(school.ExpiresAt) > 200);
        Assert.Equal(0, school.LastSyncErrorCode);

        Assert.Single(ade, t => DaysFromNow(t.ExpiresAt) is > 20 and < 21);
        Assert.Single(ade, t => DaysFromNow(t.ExpiresAt) is > 3 and < 4);
        Assert.Single(ade, t => DaysFromNow(t.ExpiresAt) is > -13 and <= -12);
        Assert.Single(ade, t => t.LastSyncErrorCode == 7);
        Assert.Single(ade, t => t.LastSyncErrorCode == 3);
        var stale = Assert.Single(ade, t => t.LastSyncErrorCode == 0 && DaysFromNow(t.ExpiresAt) > 30 && DaysFromNow(t.LastSuccessfulSyncAt) is <= -4 and > -5);
        Assert.True(stale.LastSyncTriggeredAt > stale.LastSuccessfulSyncAt);

        Assert.True(DaysFromNow(snapshot.Apns?.ExpiresAt) is > 25 and < 26);
        Assert.Equal(["valid", "invalid"], snapshot.VppTokens.Select(v => v.State));
        Assert.All(snapshot.VppTokens, v => Assert.True(DaysFromNow(v.ExpiresAt) > 30));
    }

    [Fact]
    public async Task The_sample_moves_with_the_clock()
    {
        var (host, first) = await ReadSample();
        using var _ = host;

        host.Time.Advance(TimeSpan.FromDays(40));
        var later = (await host.ReadAsync(SampleTenant.TenantId, forceRefresh: true)).Snapshot!;

        Assert.Equal(
            first.AdeTokens.Select(t => t.ExpiresAt!.Value - first.AsOf),
            later.AdeTokens.Select(t => t.ExpiresAt!.Value - later.AsOf));
    }

    [Fact]
    public void The_sample_ADE_list_comes_in_two_pages()
    {
        var adeEntries = SampleTenant.Recording(Now).Responses
            .Where(r => r.Url.Contains("depOnboardingSettings", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, adeEntries.Count);
        Assert.EndsWith("$skiptoken=sample-page-2", (string?)adeEntries[0].Body!["@odata.nextLink"]);
        Assert.EndsWith("$skiptoken=sample-page-2", adeEntries[1].Url);
        Assert.Null(adeEntries[1].Body!["@odata.nextLink"]);
    }
}
