using AdeBot.Testing;
using System.Net;
using AdeBot.Domain.Tokens;
using static AdeBot.Inventory.Tests.GraphJson;

namespace AdeBot.Inventory.Tests;

public sealed class GraphReadTests
{
    [Fact]
    public async Task Three_pages_are_followed_to_the_end_with_the_tenants_own_access_token()
    {
        var network = new FakeNetwork().HealthyTenant().On(AdePath, request => request.RequestUri!.Query("$skiptoken") switch
        {
            null => FakeNetwork.Json(Page([AdeToken(1), AdeToken(2)], $"{Graph}{AdePath}?$skiptoken=p2")),
            "p2" => FakeNetwork.Json(Page([AdeToken(3), AdeToken(4)], $"{Graph}{AdePath}?$skiptoken=p3")),
            "p3" => FakeNetwork.Json(Page([AdeToken(5)])),
            _ => Status(HttpStatusCode.BadRequest),
        });
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var reading = await host.ReadAsync();

        Assert.True(reading.Succeeded);
        Assert.Equal(SnapshotSource.Graph, reading.Source);
        Assert.Equal(["ade-0001", "ade-0002", "ade-0003", "ade-0004", "ade-0005"], reading.Snapshot!.AdeTokens.Select(t => t.Id));
        Assert.Equal([null, "p2", "p3"], network.GraphRequests(AdePath).Select(r => r.Uri.Query("$skiptoken")));
        Assert.All(network.GraphRequests(AdePath), r => Assert.Equal($"Bearer access-for-{InventoryTestHost.TenantA}", r.Authorization));
        var tokenRequest = Assert.Single(network.TokenRequests);
        Assert.Contains("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default", tokenRequest.Body);
        Assert.Equal(host.Time.GetUtcNow(), reading.Snapshot.AsOf);
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_retried_after_it_on_the_clock_and_then_succeeds()
    {
        var attempts = 0;
        var clock = new BackoffClock(TimeSpan.FromMinutes(5));
        var network = new FakeNetwork().HealthyTenant().On(AdePath, _ => Interlocked.Increment(ref attempts) == 1
            ? Status(HttpStatusCode.TooManyRequests, ("Retry-After", "9"))
            : FakeNetwork.Json(Page([AdeToken(1)])));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(("Graph:RequestTimeoutSeconds", "600")), network, clock: clock);

        var reading = await host.ReadAsync();

        Assert.True(reading.Succeeded);
        Assert.Single(reading.Snapshot!.AdeTokens);
        Assert.Equal(2, network.GraphRequests(AdePath).Count);
        Assert.Equal([TimeSpan.FromSeconds(9)], clock.Waits);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Throttling_that_outlasts_the_retries_means_Graph_is_unavailable(HttpStatusCode status)
    {
        var network = new FakeNetwork().HealthyTenant().On(AdePath, _ => Status(status, ("Retry-After", "0")));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var reading = await host.ReadAsync();

        Assert.Equal(new InventoryFailure(InventoryFailureKind.GraphUnavailable), reading.Failure);
        Assert.Null(reading.Snapshot);
        Assert.Equal(4, network.GraphRequests(AdePath).Count); // the first try and three retries
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task A_refusal_names_the_missing_permission(HttpStatusCode status)
    {
        var network = new FakeNetwork().HealthyTenant().On(AdePath, _ => Status(status, ("request-id", "req-42")));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var reading = await host.ReadAsync();

        Assert.Equal(new InventoryFailure(InventoryFailureKind.PermissionMissing, "DeviceManagementServiceConfig.Read.All"), reading.Failure);
        Assert.False(reading.IsStale);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 2002 && e.Text.Contains("req-42"));
    }

    [Fact]
    public async Task A_404_for_the_APNs_certificate_means_not_configured_not_a_failure()
    {
        var network = new FakeNetwork().HealthyTenant().On(ApnsPath, _ => Status(HttpStatusCode.NotFound));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var reading = await host.ReadAsync();

        Assert.True(reading.Succeeded);
        Assert.Null(reading.Snapshot!.Apns);
        Assert.Single(reading.Snapshot.AdeTokens);
        Assert.Single(reading.Snapshot.VppTokens);
    }

    [Theory]
    [InlineData(Apns)]
    [InlineData("{\"@odata.context\":\"x\",\"value\":" + Apns + "}")]
    public async Task The_APNs_certificate_is_read_bare_or_wrapped_in_value(string body)
    {
        var network = new FakeNetwork().HealthyTenant().On(ApnsPath, _ => FakeNetwork.Json(body));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var apns = (await host.ReadAsync()).Snapshot!.Apns;

        Assert.Equal(new ApnsCertificate("apns-1", "mdm-push@fabrikam.example", "com.apple.mgmt.External.fabrikam",
            DateTimeOffset.Parse("2027-01-10T10:00:00Z"), DateTimeOffset.Parse("2026-01-10T10:00:00Z")), apns);
    }

    [Theory]
    [InlineData(AdePath, "{\"value\":[{\"id\":\"ade-1\",")]
    [InlineData(VppPath, "<html>Service Unavailable</html>")]
    [InlineData(ApnsPath, "{\"id\":")]
    [InlineData(AdePath, "{\"odata\":\"no value array\"}")]
    public async Task A_malformed_answer_is_an_unexpected_failure(string path, string body)
    {
        var network = new FakeNetwork().HealthyTenant().On(path, _ => FakeNetwork.Json(body));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var reading = await host.ReadAsync();

        Assert.Equal(new InventoryFailure(InventoryFailureKind.Unexpected), reading.Failure);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 2004);
    }

    [Fact]
    public async Task Unknown_enum_values_and_extra_properties_are_tolerated()
    {
        var network = new FakeNetwork().HealthyTenant()
            .On(AdePath, _ => FakeNetwork.Json(Page(
            [
                AdeToken(1, tokenType: "dep"),
                AdeToken(2, tokenType: "appleSchoolManager"),
                AdeToken(3, tokenType: "appleFutureProgram"),
                AdeToken(4, tokenType: "none"),
            ])))
            .On(VppPath, _ => FakeNetwork.Json(Page(
            [
                VppToken("vpp-1", "duplicateLocationId", "inProgress"),
                VppToken("vpp-2", "somethingGraphAddsLater", "anotherNewStatus"),
            ])));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var snapshot = (await host.ReadAsync()).Snapshot!;

        Assert.Equal([AppleProgram.BusinessManager, AppleProgram.SchoolManager, AppleProgram.Unknown, AppleProgram.Unknown],
            snapshot.AdeTokens.Select(t => t.Program));
        Assert.Equal([("duplicateLocationId", "inProgress"), ("somethingGraphAddsLater", "anotherNewStatus")],
            snapshot.VppTokens.Select(t => (t.State, t.LastSyncStatus)));
    }

    [Fact]
    public async Task Null_dates_and_codes_read_as_null()
    {
        var bare = """{"id":"ade-bare","tokenName":null,"appleIdentifier":"x@fabrikam.example","tokenExpirationDateTime":null,"lastSuccessfulSyncDateTime":null,"lastSyncTriggeredDateTime":null,"lastSyncErrorCode":null,"tokenType":null}""";
        var network = new FakeNetwork().HealthyTenant().On(AdePath, _ => FakeNetwork.Json(Page([bare])));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var token = Assert.Single((await host.ReadAsync()).Snapshot!.AdeTokens);

        Assert.Equal(new AdeToken("ade-bare", "x@fabrikam.example", "x@fabrikam.example", AppleProgram.Unknown, null, null, null, null, null), token);
    }

    [Fact]
    public async Task Every_request_selects_only_the_fields_used_and_never_the_VPP_token()
    {
        const string rawVppToken = "eyJleHBEYXRlIjoiMjAyNy0wNS0wMSJ9-SECRET";
        var network = new FakeNetwork().HealthyTenant()
            .On(VppPath, _ => FakeNetwork.Json(Page([VppToken("vpp-1", "valid", rawToken: rawVppToken)])));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var reading = await host.ReadAsync();

        Assert.True(reading.Succeeded);
        Assert.Equal(["id", "organizationName", "appleId", "vppTokenAccountType", "expirationDateTime", "lastSyncDateTime", "state", "lastSyncStatus"],
            Selected(network, VppPath));
        Assert.DoesNotContain("token", Selected(network, VppPath), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(["id", "tokenName", "appleIdentifier", "tokenType", "tokenExpirationDateTime", "lastSuccessfulSyncDateTime",
            "lastSyncTriggeredDateTime", "lastSyncErrorCode", "syncedDeviceCount"], Selected(network, AdePath));
        Assert.Equal(["id", "appleIdentifier", "topicIdentifier", "expirationDateTime", "lastModifiedDateTime"], Selected(network, ApnsPath));
        Assert.DoesNotContain(rawVppToken, System.Text.Json.JsonSerializer.Serialize(reading.Snapshot));
        Assert.DoesNotContain(rawVppToken, host.Logs.AllText);
        Assert.DoesNotContain(InventoryTestHost.ClientSecret, host.Logs.AllText);
    }

    [Fact]
    public async Task A_request_that_outlasts_the_timeout_means_Graph_is_unavailable()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var network = new FakeNetwork().HealthyTenant().On(AdePath, async (_, cancellationToken) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(("Graph:RequestTimeoutSeconds", "30")), network);

        var read = host.ReadAsync();
        await started.Task.WaitAsync(TestTimeout.Token);
        host.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(read.IsCompleted);
        host.Time.Advance(TimeSpan.FromSeconds(2));
        var reading = await read;

        Assert.Equal(new InventoryFailure(InventoryFailureKind.GraphUnavailable), reading.Failure);
    }

    [Fact]
    public async Task Each_configured_tenant_signs_in_with_its_own_credential()
    {
        var network = new FakeNetwork().HealthyTenant();
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(
            ("Graph:Tenants:0:TenantId", InventoryTestHost.TenantB),
            ("Graph:Tenants:0:ClientId", InventoryTestHost.ClientId),
            ("Graph:Tenants:0:ClientSecret", "second-secret")), network);

        var first = await host.ReadAsync(InventoryTestHost.TenantA);
        var second = await host.ReadAsync(InventoryTestHost.TenantB);

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal([InventoryTestHost.TenantA, InventoryTestHost.TenantB], host.Inventory.WatchedTenantIds);
        Assert.Equal([$"Bearer access-for-{InventoryTestHost.TenantA}", $"Bearer access-for-{InventoryTestHost.TenantB}"],
            network.GraphRequests(AdePath).Select(r => r.Authorization));
        Assert.Equal(2, network.TokenRequests.Count);
    }

    [Fact]
    public async Task An_MSP_lists_customer_tenants_that_share_the_top_level_app_registration()
    {
        var network = new FakeNetwork().HealthyTenant();
        using var host = InventoryTestHost.Create(new Dictionary<string, string?>
        {
            ["Graph:ClientId"] = InventoryTestHost.ClientId,
            ["Graph:ClientSecret"] = InventoryTestHost.ClientSecret,
            ["Graph:Tenants:0:TenantId"] = InventoryTestHost.TenantA,
            ["Graph:Tenants:1:TenantId"] = InventoryTestHost.TenantB,
        }, network);

        Assert.Equal([InventoryTestHost.TenantA, InventoryTestHost.TenantB], host.Inventory.WatchedTenantIds);
        Assert.True((await host.ReadAsync(InventoryTestHost.TenantA)).Succeeded);
        Assert.True((await host.ReadAsync(InventoryTestHost.TenantB)).Succeeded);
        Assert.Equal([InventoryTestHost.TenantA, InventoryTestHost.TenantB], network.TokenRequests.Select(r => r.Uri.Segments[1].TrimEnd('/')));
        Assert.All(network.TokenRequests, r => Assert.Contains($"client_id={InventoryTestHost.ClientId}", r.Body));
    }

    [Fact]
    public async Task A_tenant_without_credentials_is_not_configured()
    {
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), new FakeNetwork().HealthyTenant());

        var reading = await host.ReadAsync(InventoryTestHost.TenantB);

        Assert.False(host.Inventory.CanRead(InventoryTestHost.TenantB));
        Assert.True(host.Inventory.CanRead(InventoryTestHost.TenantA));
        Assert.Equal(new InventoryFailure(InventoryFailureKind.TenantNotConfigured), reading.Failure);
        Assert.Empty(host.Network.Requests);
    }

    [Fact]
    public async Task A_national_cloud_uses_its_own_Graph_endpoint_and_scope()
    {
        var network = new FakeNetwork().HealthyTenant();
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(("Graph:Endpoint", "https://graph.microsoft.us")), network);

        Assert.True((await host.ReadAsync()).Succeeded);

        Assert.All(network.Requests.Where(r => r.Uri.Host != FakeNetwork.LoginHost), r => Assert.Equal("graph.microsoft.us", r.Uri.Host));
        Assert.Contains("scope=https%3A%2F%2Fgraph.microsoft.us%2F.default", Assert.Single(network.TokenRequests).Body);
    }

    [Theory]
    [InlineData("AADSTS700016: Application with identifier '22222222-2222-2222-2222-222222222222' was not found in the directory.", InventoryFailureKind.PermissionMissing)]
    [InlineData("AADSTS7000222: The provided client secret keys for app '22222222-2222-2222-2222-222222222222' are expired.", InventoryFailureKind.Unexpected)]
    public async Task A_rejected_sign_in_is_told_apart_from_a_missing_consent(string entraError, InventoryFailureKind expected)
    {
        var network = new FakeNetwork().HealthyTenant();
        network.TokenEndpoint = _ => FakeNetwork.Json(
            $$"""{"error":"unauthorized_client","error_description":"{{entraError}}","error_codes":[700016]}""", HttpStatusCode.BadRequest);
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var reading = await host.ReadAsync();

        Assert.Equal(expected, reading.Failure?.Kind);
        Assert.Empty(network.GraphRequests(AdePath));
        Assert.DoesNotContain(InventoryTestHost.ClientSecret, host.Logs.AllText);
        if (expected == InventoryFailureKind.Unexpected) Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 2008);
    }

    private static string[] Selected(FakeNetwork network, string path) =>
        network.GraphRequests(path)[0].Uri.Query("$select")!.Split(',');
}
