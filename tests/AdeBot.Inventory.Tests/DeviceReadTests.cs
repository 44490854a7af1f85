using System.Net;
using AdeBot.Domain.Devices;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;
using AdeBot.Inventory.Testing;
using AdeBot.Testing;
using static AdeBot.Inventory.Tests.DeviceGraphJson;
using static AdeBot.Inventory.Tests.GraphJson;

namespace AdeBot.Inventory.Tests;

/// The device reads through the real Graph SDK pipeline, with the fake network at the edge.
public sealed class DeviceReadTests
{
    private const string Serial = "C02ZP4MNQR13";
    private const string Token1 = "ade-0001";
    private const string Token2 = "ade-0002";

    [Fact]
    public async Task A_serial_is_searched_with_contains_and_only_an_exact_match_counts()
    {
        var network = new FakeNetwork().DeviceTenant()
            // Graph applying the filter loosely: serials that contain the one asked for, and the one itself typed differently.
            .On(IdentitiesPath(Token1), _ => FakeNetwork.Json(Page([Identity("XC02ZP4MNQR13"), Identity("C02ZP4MNQR13X"), Identity(" c02zp4mnqr13 ", "failed")])))
            .On(ManagedDevicesPath, _ => FakeNetwork.Json(Page([Managed("C02ZP4MNQR13X"), Managed(Serial)])));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var lookup = await host.LookUpAsync("c02zp4mnqr13");

        Assert.True(lookup.Succeeded);
        var record = Assert.Single(lookup.Facts!.AdeRecords);
        Assert.Equal(AdeEnrollmentState.Failed, record.EnrollmentState);
        Assert.Null(record.LastContactedAt); // Graph's zero date is no contact
        Assert.Equal(Serial, Assert.Single(lookup.Facts.ManagedDevices!).SerialNumber);
        var search = Assert.Single(network.GraphRequests(IdentitiesPath(Token1)));
        Assert.Equal($"contains(serialNumber,'{Serial}')", search.Uri.Query("$filter"));
        Assert.Equal($"serialNumber eq '{Serial}'", Assert.Single(network.GraphRequests(ManagedDevicesPath)).Uri.Query("$filter"));
    }

    [Fact]
    public async Task The_profile_is_joined_on_the_guid_part_of_its_id()
    {
        var network = new FakeNetwork().DeviceTenant()
            .On(IdentitiesPath(Token1), _ => FakeNetwork.Json(Page([Identity(Serial, profileGuid: ProfileGuid.ToUpperInvariant())])));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var diagnosis = await DiagnoseAsync(host, Serial);

        Assert.Equal("Corporate iPads", diagnosis.Device!.Profile!.Name);
        Assert.False(diagnosis.Device.ProfileMissing);
        Assert.Equal(DeviceVerdict.NotContacted, diagnosis.Verdict);
    }

    [Fact]
    public async Task Defaults_are_read_per_platform_and_404_means_there_is_none()
    {
        var network = new FakeNetwork().DeviceTenant()
            .On(IdentitiesPath(Token1), _ => FakeNetwork.Json(Page([Identity(Serial, profileGuid: null), Identity("F17ZK7MAC001", profileGuid: null, platform: "macOS")])))
            .On(DefaultIosPath(Token1), _ => FakeNetwork.Json(Profile(Token1, "11aa22bb-33cc-44dd-55ee-66ff77889900", "Default iPads")));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var ios = await DiagnoseAsync(host, Serial);
        var mac = await DiagnoseAsync(host, "F17ZK7MAC001");

        Assert.Equal(("Default iPads", true), (ios.Device!.Profile!.Name, ios.Device.ProfileIsDefault));
        Assert.Equal(DeviceVerdict.NoProfile, mac.Verdict);
        Assert.NotEmpty(network.GraphRequests(DefaultMacOsPath(Token1)));
    }

    [Fact]
    public async Task Without_the_managed_devices_permission_the_diagnosis_still_runs_and_names_it()
    {
        var network = new FakeNetwork().DeviceTenant()
            .On(IdentitiesPath(Token1), _ => FakeNetwork.Json(Page([Identity(Serial, "enrolled")])))
            .On(ManagedDevicesPath, _ => Status(HttpStatusCode.Forbidden, ("request-id", "req-403")));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var lookup = await host.LookUpAsync(Serial);

        Assert.True(lookup.Succeeded);
        Assert.Null(lookup.Facts!.ManagedDevices);
        Assert.Equal(["DeviceManagementManagedDevices.Read.All"], lookup.Facts.MissingPermissions);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 2011 && e.Text.Contains("req-403"));
        Assert.Equal(DeviceVerdict.Enrolled, Diagnose(host, lookup).Verdict);
    }

    [Fact]
    public async Task A_refused_token_read_fails_the_lookup_with_the_tokens_permission()
    {
        var network = new FakeNetwork().DeviceTenant().On(IdentitiesPath(Token1), _ => Status(HttpStatusCode.Forbidden));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var lookup = await host.LookUpAsync(Serial);

        Assert.False(lookup.Succeeded);
        Assert.Equal(new InventoryFailure(InventoryFailureKind.PermissionMissing, "DeviceManagementServiceConfig.Read.All"), lookup.Failure);
    }

    [Fact]
    public async Task Pages_are_followed_to_the_match()
    {
        var network = new FakeNetwork().DeviceTenant().On(IdentitiesPath(Token1), request => request.RequestUri!.Query("$skiptoken") switch
        {
            null => FakeNetwork.Json(Page([Identity("F17ZK0ENR0LD")], $"{Graph}{IdentitiesPath(Token1)}?$skiptoken=p2")),
            "p2" => FakeNetwork.Json(Page([Identity(Serial, "pendingReset")])),
            _ => Status(HttpStatusCode.BadRequest),
        });
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var lookup = await host.LookUpAsync(Serial);

        Assert.Equal(AdeEnrollmentState.PendingReset, Assert.Single(lookup.Facts!.AdeRecords).EnrollmentState);
        Assert.Equal([null, "p2"], network.GraphRequests(IdentitiesPath(Token1)).Select(r => r.Uri.Query("$skiptoken")));
    }

    [Fact]
    public async Task A_serial_in_two_tokens_is_found_in_both()
    {
        var network = new FakeNetwork().DeviceTenant(tokens: 2)
            .On(IdentitiesPath(Token1), _ => FakeNetwork.Json(Page([Identity(Serial, deleted: true)])))
            .On(IdentitiesPath(Token2), _ => FakeNetwork.Json(Page([Identity(Serial, "failed")])));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var lookup = await host.LookUpAsync(Serial);
        var diagnosis = Diagnose(host, lookup);

        Assert.Equal([Token1, Token2], lookup.Facts!.AdeRecords.Select(r => r.TokenId));
        Assert.Equal([Token1, Token2], lookup.Facts.ProfilesByToken.Keys.Order());
        Assert.Equal(2, diagnosis.Matches.Count);
        Assert.Equal(Token2, diagnosis.Device!.Record.TokenId);
        Assert.Equal(DeviceVerdict.EnrollmentFailed, diagnosis.Verdict);
    }

    [Fact]
    public async Task Tokens_are_searched_at_most_four_at_a_time()
    {
        const int tokens = 10;
        var inFlight = 0;
        var most = 0;
        var fourInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var network = new FakeNetwork().DeviceTenant(tokens);
        for (var i = 1; i <= tokens; i++)
        {
            network.On(IdentitiesPath($"ade-{i:D4}"), async (_, cancellationToken) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref most, now);
                if (now == DeviceInventory.TokenConcurrency) fourInFlight.TrySetResult();
                await fourInFlight.Task.WaitAsync(cancellationToken);
                Interlocked.Decrement(ref inFlight);
                return FakeNetwork.Json(Page([]));
            });
        }
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var lookup = await host.LookUpAsync(Serial);

        Assert.True(lookup.Succeeded);
        Assert.Equal(DeviceInventory.TokenConcurrency, most);
        Assert.Equal(tokens, Enumerable.Range(1, tokens).Sum(i => network.GraphRequests(IdentitiesPath($"ade-{i:D4}")).Count));
    }

    [Fact]
    public async Task Every_request_selects_its_fields_and_no_secret_is_requested_kept_or_logged()
    {
        var network = new FakeNetwork().DeviceTenant()
            .On(IdentitiesPath(Token1), _ => FakeNetwork.Json(Page([Identity(Serial)])))
            .On(ProfilesPath(Token1), _ => FakeNetwork.Json(Page([Profile(Token1, ProfileGuid, "Corporate Macs", "depMacOSEnrollmentProfile")])))
            .On(DefaultMacOsPath(Token1), _ => FakeNetwork.Json(Profile(Token1, ProfileGuid, "Corporate Macs", "depMacOSEnrollmentProfile")))
            .On(ManagedDevicesPath, _ => FakeNetwork.Json(Page([Managed(Serial)])));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var lookup = await host.LookUpAsync(Serial);

        Assert.True(lookup.Succeeded);
        Assert.Equal("id,serialNumber,platform,enrollmentState,requestedEnrollmentProfileId,requestedEnrollmentProfileAssignmentDateTime,lastContactedDateTime,isDeleted",
            Selected(network, IdentitiesPath(Token1)));
        Assert.Equal("id,displayName", Selected(network, ProfilesPath(Token1)));
        Assert.Equal("id,displayName", Selected(network, DefaultIosPath(Token1)));
        Assert.Equal("id,displayName", Selected(network, DefaultMacOsPath(Token1)));
        Assert.Equal("id,serialNumber,deviceName,deviceEnrollmentType,enrolledDateTime,lastSyncDateTime,userPrincipalName", Selected(network, ManagedDevicesPath));
        Assert.StartsWith("id,priority,", Selected(network, RestrictionsPath));
        var everything = System.Text.Json.JsonSerializer.Serialize(lookup.Facts);
        Assert.All(network.Requests.Where(r => r.Uri.Host != FakeNetwork.LoginHost), r =>
        {
            Assert.DoesNotContain("adminAccountPassword", r.Uri.Query, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("activationLockBypassCode", r.Uri.Query, StringComparison.OrdinalIgnoreCase);
        });
        Assert.DoesNotContain("Secret-Password-1!", everything);
        Assert.DoesNotContain("BYPASS-SECRET-123", everything);
        Assert.DoesNotContain("Secret-Password-1!", host.Logs.AllText);
        Assert.DoesNotContain(Serial, host.Logs.AllText);
    }

    [Fact]
    public async Task The_default_restrictions_say_which_platform_is_blocked_and_the_device_limit()
    {
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), new FakeNetwork().DeviceTenant());

        var lookup = await host.LookUpAsync(Serial);

        Assert.Equal(new EnrollmentRestrictions(IosBlocked: false, MacOsBlocked: true, DeviceLimit: 5), lookup.Facts!.Restrictions);
    }

    [Fact]
    public async Task Restrictions_that_cannot_be_read_leave_the_platform_check_out()
    {
        var network = new FakeNetwork().DeviceTenant().On(RestrictionsPath, _ => Status(HttpStatusCode.BadRequest));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var lookup = await host.LookUpAsync(Serial);

        Assert.True(lookup.Succeeded);
        Assert.Null(lookup.Facts!.Restrictions);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 2012);
    }

    [Fact]
    public async Task Tokens_and_profiles_come_from_the_cache_the_health_answer_shares_until_check_again()
    {
        var network = new FakeNetwork().DeviceTenant().On(IdentitiesPath(Token1), _ => FakeNetwork.Json(Page([Identity(Serial)])));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        await host.ReadAsync();
        await host.LookUpAsync(Serial);
        await host.LookUpAsync(Serial);
        Assert.Single(network.GraphRequests(AdePath));
        Assert.Single(network.GraphRequests(ProfilesPath(Token1)));
        Assert.Equal(2, network.GraphRequests(IdentitiesPath(Token1)).Count);

        // Inside Graph:ForcedRefreshMinimumAgeSeconds Check again serves the cache; past it, reads again.
        await host.LookUpAsync(Serial, forceRefresh: true);
        Assert.Single(network.GraphRequests(AdePath));
        Assert.Single(network.GraphRequests(ProfilesPath(Token1)));
        host.Time.Advance(TimeSpan.FromSeconds(60));
        await host.LookUpAsync(Serial, forceRefresh: true);
        Assert.Equal(2, network.GraphRequests(AdePath).Count);
        Assert.Equal(2, network.GraphRequests(ProfilesPath(Token1)).Count);
    }

    [Fact]
    public async Task A_429_waits_for_its_Retry_After_on_the_clock()
    {
        var attempts = 0;
        var clock = new BackoffClock(TimeSpan.FromMinutes(5));
        var network = new FakeNetwork().DeviceTenant().On(ManagedDevicesPath, _ => Interlocked.Increment(ref attempts) == 1
            ? Status(HttpStatusCode.TooManyRequests, ("Retry-After", "7"))
            : FakeNetwork.Json(Page([Managed(Serial)])));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(("Graph:RequestTimeoutSeconds", "600")), network, clock: clock);

        var lookup = await host.LookUpAsync(Serial);

        Assert.True(lookup.Succeeded);
        Assert.Single(lookup.Facts!.ManagedDevices!);
        Assert.Equal([TimeSpan.FromSeconds(7)], clock.Waits);
        Assert.Equal(2, network.GraphRequests(ManagedDevicesPath).Count);
    }

    [Fact]
    public async Task A_429_without_Retry_After_backs_off_exponentially()
    {
        var attempts = 0;
        var clock = new BackoffClock(TimeSpan.FromMinutes(5));
        var network = new FakeNetwork().DeviceTenant().On(IdentitiesPath(Token1), _ => Interlocked.Increment(ref attempts) <= 2
            ? Status(HttpStatusCode.TooManyRequests)
            : FakeNetwork.Json(Page([Identity(Serial)])));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(("Graph:RequestTimeoutSeconds", "600")), network, clock: clock);

        var lookup = await host.LookUpAsync(Serial);

        Assert.Single(lookup.Facts!.AdeRecords);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], clock.Waits);
    }

    [Theory]
    [InlineData(null, 3)]     // four tries, three waits, then Graph counts as unavailable
    [InlineData("3600", 0)]   // longer than a chat answer can wait: no wait at all
    public async Task Throttling_that_outlasts_the_backoff_means_Graph_is_unavailable(string? retryAfter, int waits)
    {
        var clock = new BackoffClock(TimeSpan.FromMinutes(5));
        var network = new FakeNetwork().DeviceTenant().On(IdentitiesPath(Token1), _ =>
            retryAfter is null ? Status(HttpStatusCode.TooManyRequests) : Status(HttpStatusCode.TooManyRequests, ("Retry-After", retryAfter)));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(("Graph:RequestTimeoutSeconds", "600")), network, clock: clock);

        var lookup = await host.LookUpAsync(Serial);

        Assert.Equal(new InventoryFailure(InventoryFailureKind.GraphUnavailable), lookup.Failure);
        Assert.Equal(waits, clock.Waits.Count);
        Assert.Equal(waits + 1, network.GraphRequests(IdentitiesPath(Token1)).Count);
    }

    [Fact]
    public async Task Devices_without_a_profile_are_counted_over_a_bounded_number_of_pages()
    {
        var network = new FakeNetwork().DeviceTenant(tokens: 3)
            // Token 1: two pages, two devices without a profile and one with.
            .On(IdentitiesPath(Token1), request => request.RequestUri!.Query("$skiptoken") is null
                ? FakeNetwork.Json(Page([Identity("F17ZK3NPRF01", profileGuid: null), Identity("F17ZK0ENR0LD")], $"{Graph}{IdentitiesPath(Token1)}?$skiptoken=2"))
                : FakeNetwork.Json(Page([Identity("F17ZK3NPRF02", profileGuid: null, platform: "macOS"), Identity("F17ZK3NPRF03", "enrolled", profileGuid: null)])))
            // Token 2: pages without end.
            .On(IdentitiesPath(Token2), request =>
            {
                var page = int.Parse(request.RequestUri!.Query("$skiptoken") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
                return FakeNetwork.Json(Page([Identity($"OULU{page:D8}", profileGuid: null)], $"{Graph}{IdentitiesPath(Token2)}?$skiptoken={page + 1}"));
            })
            // Token 3: both defaults, so no device can fail for want of one and none is read.
            .On(DefaultIosPath("ade-0003"), _ => FakeNetwork.Json(Profile("ade-0003", ProfileGuid, "Default iPads")))
            .On(DefaultMacOsPath("ade-0003"), _ => FakeNetwork.Json(Profile("ade-0003", "99999999-0000-4000-8000-00000000aaaa", "Default Macs", "depMacOSEnrollmentProfile")));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);
        var snapshot = (await host.ReadAsync()).Snapshot!;

        var risks = await host.Devices.CountDevicesWithoutProfileAsync(snapshot.TenantId, [.. snapshot.AdeTokens.Select(t => t.Id)], forceRefresh: false, TestTimeout.Token);

        Assert.Equal(
        [
            new TokenEnrollmentRisk(Token1, 2, AtLeast: false),
            new TokenEnrollmentRisk(Token2, DeviceInventory.CountPagesPerToken, AtLeast: true),
            new TokenEnrollmentRisk("ade-0003", 0, AtLeast: false),
        ], risks);
        Assert.Equal(DeviceInventory.CountPagesPerToken, network.GraphRequests(IdentitiesPath(Token2)).Count);
        Assert.Empty(network.GraphRequests(IdentitiesPath("ade-0003")));
    }

    [Fact]
    public async Task A_token_that_cannot_be_counted_is_left_out()
    {
        var network = new FakeNetwork().DeviceTenant(tokens: 2).On(IdentitiesPath(Token2), _ => Status(HttpStatusCode.InternalServerError));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(("Graph:RequestTimeoutSeconds", "600")), network, clock: new BackoffClock(TimeSpan.FromMinutes(5)));
        var snapshot = (await host.ReadAsync()).Snapshot!;

        var risks = await host.Devices.CountDevicesWithoutProfileAsync(snapshot.TenantId, [.. snapshot.AdeTokens.Select(t => t.Id)], forceRefresh: false, TestTimeout.Token);

        Assert.Equal([Token1], risks.Select(r => r.TokenId));
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 2013);
    }

    private static async Task<DeviceDiagnosis> DiagnoseAsync(InventoryTestHost<FakeNetwork> host, string serial) => Diagnose(host, await host.LookUpAsync(serial));

    private static DeviceDiagnosis Diagnose(InventoryTestHost<FakeNetwork> host, DeviceLookup lookup)
    {
        Assert.True(lookup.Succeeded, lookup.Failure?.ToString());
        var health = new HealthEvaluator(new HealthRulesOptions(), host.Time).Evaluate(lookup.Tokens.Snapshot!);
        return new DeviceDiagnostician().Diagnose(health, lookup.Facts!);
    }

    private static string Selected(FakeNetwork network, string path) => network.GraphRequests(path)[0].Uri.Query("$select")!;

    private static void InterlockedMax(ref int target, int value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current) return;
        }
    }
}
