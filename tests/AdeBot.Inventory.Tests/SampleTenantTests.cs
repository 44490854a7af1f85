using AdeBot.Domain.Devices;
using AdeBot.Domain.Health;
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
            .Where(r => new Uri(r.Url).AbsolutePath == "/beta/deviceManagement/depOnboardingSettings").ToList();

        Assert.Equal(2, adeEntries.Count);
        Assert.EndsWith("$skiptoken=sample-page-2", (string?)adeEntries[0].Body!["@odata.nextLink"]);
        Assert.EndsWith("$skiptoken=sample-page-2", adeEntries[1].Url);
        Assert.Null(adeEntries[1].Body!["@odata.nextLink"]);
    }

    public static TheoryData<DeviceVerdict> Verdicts => [.. Enum.GetValues<DeviceVerdict>()];

    [Theory]
    [MemberData(nameof(Verdicts))]
    public async Task Every_verdict_can_be_seen_from_a_sample_serial(DeviceVerdict verdict)
    {
        using var host = InventoryTestHost.Create(new Dictionary<string, string?>(), new FakeNetwork(), time: new FakeTimeProvider(Now));

        var lookup = await host.Devices.LookUpAsync(SampleTenant.TenantId, SampleDevices.SerialFor[verdict], forceRefresh: false, TestTimeout.Token);

        Assert.True(lookup.Succeeded, lookup.Failure?.ToString());
        var health = new HealthEvaluator(new HealthRulesOptions(), host.Time).Evaluate(lookup.Tokens.Snapshot!);
        Assert.Equal(verdict, new DeviceDiagnostician().Diagnose(health, lookup.Facts!).Verdict);
        Assert.Empty(host.Network.Requests);
    }

    [Fact]
    public async Task The_sample_serial_in_two_tokens_is_blocked_by_the_expired_one()
    {
        using var host = InventoryTestHost.Create(new Dictionary<string, string?>(), new FakeNetwork(), time: new FakeTimeProvider(Now));

        var lookup = await host.Devices.LookUpAsync(SampleTenant.TenantId, SampleDevices.SerialFor[DeviceVerdict.EnrollmentFailed], forceRefresh: false, TestTimeout.Token);
        var diagnosis = new DeviceDiagnostician().Diagnose(new HealthEvaluator(new HealthRulesOptions(), host.Time).Evaluate(lookup.Tokens.Snapshot!), lookup.Facts!);

        Assert.Equal(2, diagnosis.Matches.Count);
        // Expired twelve days ago, it has not synced since either.
        Assert.Equal([DeviceBlocker.TokenExpired, DeviceBlocker.TokenSyncStale], diagnosis.Blockers.Select(b => b.Code));
        Assert.All(diagnosis.Blockers, b => Assert.Equal("Contoso ABM – Kyiv", b.Token.Name));
    }

    [Fact]
    public async Task The_sample_has_tokens_whose_devices_will_fail_to_enroll()
    {
        using var host = InventoryTestHost.Create(new Dictionary<string, string?>(), new FakeNetwork(), time: new FakeTimeProvider(Now));
        var snapshot = (await host.ReadAsync(SampleTenant.TenantId)).Snapshot!;

        var risks = await host.Devices.CountDevicesWithoutProfileAsync(snapshot.TenantId, [.. snapshot.AdeTokens.Select(t => t.Id)], forceRefresh: false, TestTimeout.Token);

        Assert.Equal(snapshot.AdeTokens.Count, risks.Count);
        Assert.Equal([("Contoso ABM – Tampere", 3, false), ("Contoso ABM – Oulu", SampleDevices.OuluPageSize * DeviceInventory.CountPagesPerToken, true)],
            risks.Where(r => r.DevicesWithoutProfile > 0).Select(r => (snapshot.AdeTokens.Single(t => t.Id == r.TokenId).Name, r.DevicesWithoutProfile, r.AtLeast)));
    }
}
