using System.Net;
using AdeBot.Domain.Tokens;
using static AdeBot.Inventory.Tests.GraphJson;

namespace AdeBot.Inventory.Tests;

/// Intune's connector status, read with the tokens as an optional cross-check.
public sealed class PortalStatusReadTests
{
    private const string ConnectorStatusPath = "/beta/deviceManagement/connectorStatus";

    [Fact]
    public async Task The_apple_rows_are_read_with_the_tokens_and_the_others_are_dropped()
    {
        var network = new FakeNetwork().HealthyTenant().On(ConnectorStatusPath, _ => FakeNetwork.Json("""
            { "value": [
              { "connectorName": "appleDepLastSyncDateTime", "connectorInstanceId": "ade-0001", "status": "unhealthy", "eventDateTime": "2026-12-01T10:00:00Z" },
              { "connectorName": "vppTokenExpirationDateTime", "connectorInstanceId": "vpp-1", "status": "warning" },
              { "connectorName": "applePushNotificationServiceExpirationDateTime", "status": "healthy" },
              { "connectorName": "appleDepExpirationDateTime", "connectorInstanceId": "ade-0002", "status": "somethingNew" },
              { "connectorName": "windowsAutopilotLastSyncDateTime", "status": "unhealthy" }
            ] }
            """));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var reading = await host.ReadAsync();

        Assert.True(reading.Succeeded);
        Assert.Equal(
            [
                new PortalConnectorStatus(TokenKind.Ade, "ade-0001", PortalHealth.Unhealthy),
                new PortalConnectorStatus(TokenKind.Vpp, "vpp-1", PortalHealth.Warning),
                new PortalConnectorStatus(TokenKind.Apns, null, PortalHealth.Healthy),
                new PortalConnectorStatus(TokenKind.Ade, "ade-0002", PortalHealth.Unknown),
            ],
            reading.Snapshot!.PortalConnectors);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, 2014, "req-portal")]
    [InlineData(HttpStatusCode.NotFound, 2014, "req-portal")]
    [InlineData(HttpStatusCode.BadRequest, 2015, "Unexpected")]
    public async Task A_refusal_leaves_the_cross_check_out_with_a_log_line_and_the_tokens_are_read(HttpStatusCode status, int eventId, string logged)
    {
        var network = new FakeNetwork().HealthyTenant().On(ConnectorStatusPath, _ => Status(status, ("request-id", "req-portal")));
        using var host = InventoryTestHost.Create(InventoryTestHost.OneTenant(), network);

        var reading = await host.ReadAsync();

        Assert.True(reading.Succeeded);
        Assert.Null(reading.Failure);
        Assert.NotEmpty(reading.Snapshot!.AdeTokens);
        Assert.Empty(reading.Snapshot.PortalConnectors);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == eventId && e.Text.Contains(logged, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sample_tenant_answers_it_and_never_rates_a_token_worse_than_AdeBot()
    {
        using var host = InventoryTestHost.Create(new Dictionary<string, string?>(), new FakeNetwork());

        var reading = await host.ReadAsync(SampleTenant.TenantId);

        Assert.Equal(11, reading.Snapshot!.PortalConnectors.Count);
        var health = new AdeBot.Domain.Health.HealthEvaluator(new(), host.Time).Evaluate(reading.Snapshot);
        Assert.DoesNotContain(health.Tokens, t => t.Problems.Any(p => p.Code == AdeBot.Domain.Health.ProblemCode.PortalUnhealthy));
    }
}
