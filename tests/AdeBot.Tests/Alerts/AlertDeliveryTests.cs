using System.Globalization;
using System.Text.Json;
using AdeBot.Alerts;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Health;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;
using AdeBot.Testing;
using AdeBot.Testing.Connector;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Tests.Alerts;

/// Delivery against the sample tenant: one message per conversation per check, the connector's
/// answers (retry, gone, failed) and what each does to the subscription and its ledger.
public sealed class AlertDeliveryTests
{
    [Fact]
    public async Task One_message_per_conversation_covers_every_failing_token_in_its_language()
    {
        using var folder = new TempFolder("adebot-alerts-");
        await using var connector = await FakeConnectorServer.StartHttpAsync();
        var time = new FakeTimeProvider(TestClock.Start);
        await using var host = AlertsTestHost.Start(time, folder.Path);
        await host.InstallAsync("a:personal", connector.ServiceUrl(), locale: "en-US");
        await host.InstallAsync("19:general@thread.tacv2;messageid=1700000000000", connector.ServiceUrl(), locale: "fi-FI", conversationType: "channel");

        var result = await host.CheckAsync();

        var reading = await host.Get<ITokenInventory>().ReadAsync(AlertsTestHost.TenantId, TestTimeout.Token);
        var tokens = host.Get<HealthEvaluator>().Evaluate(reading.Snapshot!).Tokens;
        var failing = tokens.Where(t => t.Status != HealthStatus.Healthy).ToList();
        var healthy = tokens.Where(t => t.Status == HealthStatus.Healthy).Select(t => t.Name).ToList();
        var problems = tokens.Sum(t => t.Problems.Count(p => p.Severity != HealthStatus.Healthy));
        Assert.True(failing.Count > 1, "the sample tenant has several failing tokens");
        Assert.Equal(new AlertCheckResult(Tenants: 1, TenantsSkipped: 0, AlertsSent: 2, SendsFailed: 0, SubscriptionsRemoved: 0), result);

        var sent = SentAlert.All(connector);
        Assert.Equal(2, sent.Count);
        var personal = Assert.Single(sent, s => s.ConversationId == "a:personal");
        var channel = Assert.Single(sent, s => s.ConversationId == "19:general@thread.tacv2");
        foreach (var alert in sent)
        {
            // As the cards name them in the alert's language (the push certificate has a name per language).
            var culture = CultureInfo.GetCultureInfo(alert.Activity.Locale!);
            Assert.All(failing, token => Assert.Contains(host.Get<RemediationCatalog>().DisplayName(token, culture), alert.AllText));
            Assert.All(healthy, name => Assert.DoesNotContain(name, alert.AllText));
            Assert.False(string.IsNullOrWhiteSpace(alert.Summary));
            Assert.Equal("message", alert.Activity.Type);
            Assert.Equal(AlertsTestHost.BotId, alert.Activity.From?.Id);
            Assert.Equal(AlertsTestHost.TenantId, alert.Activity.ChannelData!.Value.GetProperty("tenant").GetProperty("id").GetString());
        }

        Assert.Equal("en-US", personal.Activity.Locale);
        Assert.Equal($"{problems} problems with Apple tokens", personal.Title);
        Assert.StartsWith($"{problems} Apple token problems, the most urgent: ", personal.Summary);
        Assert.Equal("29:a:personal-user", personal.Activity.Recipient?.Id);
        Assert.True(personal.Activity.ChannelData!.Value.GetProperty("notification").GetProperty("alert").GetBoolean());

        // A channel alert is a new post for everyone: no thread, no recipient, no personal feed alert.
        Assert.Equal("fi-FI", channel.Activity.Locale);
        Assert.Equal($"{problems} ongelmaa Apple-yhteyksissä", channel.Title);
        Assert.StartsWith($"{problems} ongelmaa Apple-yhteyksissä, kiireellisin: ", channel.Summary);
        Assert.Null(channel.Activity.Recipient);
        Assert.True(channel.Activity.Conversation?.IsGroup);
        Assert.False(channel.Activity.ChannelData!.Value.TryGetProperty("notification", out _));

        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await host.CheckAsync()).AlertsSent);
        Assert.Equal(2, connector.Requests.Count);
        Assert.Contains(5020, host.Logs.EventIds);
    }

    [Theory]
    [InlineData("Access:AllowedTenantIds:0", "11111111-1111-4111-8111-111111111111")]
    [InlineData("Access:AdminGroupIds:0", "22222222-2222-4222-8222-222222222222")]
    public async Task Alerts_follow_the_access_rules_in_force_at_each_check(string key, string value)
    {
        using var folder = new TempFolder("adebot-alerts-");
        await using var connector = await FakeConnectorServer.StartHttpAsync();
        var time = new FakeTimeProvider(TestClock.Start);
        await using (var open = AlertsTestHost.Start(time, folder.Path))
        {
            await open.InstallAsync("a:personal", connector.ServiceUrl());
        }

        // The same database after the rules changed: another tenant only, or admin groups that the
        // sample (which has no directory to ask) can never confirm.
        await using var restricted = AlertsTestHost.Start(time, folder.Path, new Dictionary<string, string?> { [key] = value });
        var result = await restricted.CheckAsync();

        Assert.Equal(0, result.AlertsSent);
        Assert.Empty(connector.Requests);
        Assert.Contains(key.StartsWith("Access:Allowed", StringComparison.Ordinal) ? 5026 : 5027, restricted.Logs.EventIds);

        // Nothing was committed while held back: with the rules relaxed again the alert still goes out.
        await using var reopened = AlertsTestHost.Start(time, folder.Path);
        Assert.Equal(1, (await reopened.CheckAsync()).AlertsSent);
    }

    [Fact]
    public async Task Throttled_then_unavailable_then_accepted_delivers_the_alert_exactly_once()
    {
        using var folder = new TempFolder("adebot-alerts-");
        await using var connector = await FakeConnectorServer.StartHttpAsync();
        // The connector's retries wait on the host's clock; a real one keeps this short and simple.
        await using var host = AlertsTestHost.Start(TimeProvider.System, folder.Path);
        await host.InstallAsync("a:personal", connector.ServiceUrl());
        connector.Enqueue(
            ScriptedResponse.Error(429, "Throttled") with { RetryAfter = "1" },
            ScriptedResponse.Error(503, "ServiceUnavailable"));

        var first = await host.CheckAsync();
        var second = await host.CheckAsync();

        Assert.Equal(1, first.AlertsSent);
        Assert.Equal(0, second.AlertsSent);
        var requests = connector.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(requests[0].Body, r.Body));
        var ledger = await host.Ledger.ReadAsync(new ConversationKey(AlertsTestHost.TenantId, "a:personal"), TestTimeout.Token);
        Assert.NotEmpty(ledger.Entries);
    }

    public static TheoryData<int, string, bool> ConnectorRefusals => new()
    {
        { 403, "BotNotInConversationRoster", true },
        { 403, "ConversationBlockedByUser", true },
        { 404, "ConversationNotFound", true },
        // A GCC tenant sent to the public host: configuration, not a removal.
        { 403, "InvalidBotApiHost", false },
        { 500, "ServiceError", false },
        { 400, "BadArgument", false },
    };

    [Theory]
    [MemberData(nameof(ConnectorRefusals))]
    public async Task A_conversation_the_bot_is_gone_from_is_removed_and_anything_else_is_retried_next_check(int status, string code, bool removed)
    {
        using var folder = new TempFolder("adebot-alerts-");
        await using var refusing = await FakeConnectorServer.StartHttpAsync();
        await using var healthy = await FakeConnectorServer.StartHttpAsync();
        var time = new FakeTimeProvider(TestClock.Start);
        await using var host = AlertsTestHost.Start(time, folder.Path);
        var gone = await host.InstallAsync("a:refused", refusing.ServiceUrl());
        var other = await host.InstallAsync("a:other", healthy.ServiceUrl());
        refusing.Enqueue(ScriptedResponse.Error(status, code));

        var first = await host.CheckAsync();
        time.Advance(TimeSpan.FromHours(1));
        var second = await host.CheckAsync();

        Assert.Equal(removed ? 1 : 0, first.SubscriptionsRemoved);
        Assert.Equal(removed ? null : true, (await host.Subscriptions.GetAsync(gone.Key, TestTimeout.Token))?.Active);
        // Removed: nothing more is sent. Otherwise the same alert is planned again and delivered.
        Assert.Equal(removed ? 1 : 2, refusing.Requests.Count);
        Assert.Equal(removed ? 0 : 1, second.AlertsSent);
        Assert.Equal(SentAlert.From(refusing.Requests[0]).Summary, SentAlert.From(refusing.Requests[^1]).Summary);
        // The other conversation of the tenant got its alert once, whatever happened next to it.
        Assert.Single(healthy.Requests);
        Assert.NotEmpty((await host.Ledger.ReadAsync(other.Key, TestTimeout.Token)).Entries);
        Assert.Contains(removed ? 5022 : 5021, host.Logs.EventIds);
    }

    [Fact]
    public async Task A_service_url_that_is_no_longer_trusted_is_skipped_without_losing_the_subscription()
    {
        using var folder = new TempFolder("adebot-alerts-");
        await using var connector = await FakeConnectorServer.StartHttpAsync();
        var time = new FakeTimeProvider(TestClock.Start);
        await using var host = AlertsTestHost.Start(time, folder.Path);
        // An authenticated conversation, while this bot runs without an app id: it cannot write there.
        var subscription = await host.InstallAsync("a:authenticated", connector.ServiceUrl(), fromLocalMode: false);

        var result = await host.CheckAsync();

        Assert.Equal(1, result.SendsFailed);
        Assert.Empty(connector.Requests);
        Assert.True((await host.Subscriptions.GetAsync(subscription.Key, TestTimeout.Token))?.Active);
        Assert.Empty((await host.Ledger.ReadAsync(subscription.Key, TestTimeout.Token)).Entries);
        Assert.Contains(5023, host.Logs.EventIds);
    }

    [Fact]
    public async Task A_tenant_that_cannot_be_read_is_skipped_and_nothing_is_recorded()
    {
        using var folder = new TempFolder("adebot-alerts-");
        await using var connector = await FakeConnectorServer.StartHttpAsync();
        var replay = Path.Combine(folder.Path, "forbidden.json");
        new AdeBot.Inventory.GraphRecording(
        [
            new("GET", "/beta/deviceManagement/depOnboardingSettings", 403,
                Body: JsonSerializer.SerializeToNode(new { error = new { code = "Forbidden", message = "Application is not authorized to perform this operation." } })),
        ]).Save(replay);
        await using var host = AlertsTestHost.Start(new FakeTimeProvider(TestClock.Start), folder.Path, new Dictionary<string, string?> { ["Graph:ReplayPath"] = replay });
        var subscription = await host.InstallAsync("a:personal", connector.ServiceUrl());

        var result = await host.CheckAsync();

        Assert.Equal(new AlertCheckResult(Tenants: 1, TenantsSkipped: 1, AlertsSent: 0, SendsFailed: 0, SubscriptionsRemoved: 0), result);
        Assert.Empty(connector.Requests);
        Assert.Empty((await host.Ledger.ReadAsync(subscription.Key, TestTimeout.Token)).Entries);
        Assert.Contains(5010, host.Logs.EventIds);
    }

    [Fact]
    public async Task An_unsubscribed_conversation_gets_nothing()
    {
        using var folder = new TempFolder("adebot-alerts-");
        await using var connector = await FakeConnectorServer.StartHttpAsync();
        await using var host = AlertsTestHost.Start(new FakeTimeProvider(TestClock.Start), folder.Path);
        var subscription = await host.InstallAsync("a:personal", connector.ServiceUrl());
        await host.Subscriptions.SetActiveAsync(subscription.Key, false, TestTimeout.Token);

        var result = await host.CheckAsync();

        Assert.Equal(0, result.Tenants);
        Assert.Empty(connector.Requests);
    }
}
