using AdeBot.Alerts;
using AdeBot.Domain.Alerts;
using AdeBot.Testing;
using AdeBot.Testing.Connector;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Tests.Alerts;

/// The worker as a hosted service: when it checks, and what configuration it accepts.
public sealed class AlertsWorkerHostingTests
{
    [Fact]
    public async Task The_hosted_worker_checks_after_the_first_delay_and_then_once_per_interval()
    {
        using var folder = new TempFolder("adebot-alerts-");
        await using var connector = await FakeConnectorServer.StartHttpAsync();
        var time = new FakeTimeProvider(TestClock.Start);
        var started = time.GetUtcNow();
        await using var host = AlertsTestHost.Start(time, folder.Path, new Dictionary<string, string?>
        {
            ["Alerts:FirstCheckDelay"] = "00:00:10",
            ["Alerts:CheckInterval"] = "01:00:00",
            ["Alerts:CheckJitter"] = "00:00:00",
        });
        await host.InstallAsync("a:first", connector.ServiceUrl());
        var worker = host.Worker;

        await worker.StartAsync(TestTimeout.Token);
        var firstCheckAt = await AdvanceUntilAsync(time, TimeSpan.FromSeconds(1), () => connector.Requests.Count >= 1);
        await host.InstallAsync("a:second", connector.ServiceUrl());
        var secondCheckAt = await AdvanceUntilAsync(time, TimeSpan.FromMinutes(1), () => connector.Requests.Count >= 2);
        await worker.StopAsync(TestTimeout.Token);

        Assert.True(firstCheckAt - started >= TimeSpan.FromSeconds(10), $"first check after {firstCheckAt - started}");
        Assert.True(secondCheckAt - firstCheckAt >= TimeSpan.FromHours(1), $"second check {secondCheckAt - firstCheckAt} after the first");
        // The first conversation was told once; the second check brought only the newcomer's alert.
        Assert.Equal(["a:first", "a:second"], SentAlert.All(connector).Select(a => a.ConversationId));
        Assert.Contains(5001, host.Logs.EventIds);
    }

    [Fact]
    public async Task Disabled_alerts_run_no_background_checks_but_can_still_be_checked_on_demand()
    {
        using var folder = new TempFolder("adebot-alerts-");
        await using var connector = await FakeConnectorServer.StartHttpAsync();
        await using var host = AlertsTestHost.Start(new FakeTimeProvider(TestClock.Start), folder.Path, new Dictionary<string, string?> { ["Alerts:Enabled"] = "false" });
        await host.InstallAsync("a:personal", connector.ServiceUrl());

        await host.Worker.StartAsync(TestTimeout.Token);
        await host.Worker.ExecuteTask!.WaitAsync(TestTimeout.Token);

        Assert.Contains(5000, host.Logs.EventIds);
        Assert.Empty(connector.Requests);
        Assert.Equal(1, (await host.CheckAsync()).AlertsSent);
    }

    [Theory]
    [InlineData("01:00:00", null, "00:05:00")]
    [InlineData("00:30:00", null, "00:03:00")]
    [InlineData("00:00:05", null, "00:00:00.5")]
    [InlineData("00:00:05", "00:00:02", "00:00:02")]
    [InlineData("01:00:00", "00:00:00", "00:00:00")]
    public async Task Without_a_configured_jitter_a_short_interval_gets_a_proportionate_one(string interval, string? jitter, string expected)
    {
        using var folder = new TempFolder("adebot-alerts-");
        await using var host = AlertsTestHost.Start(new FakeTimeProvider(TestClock.Start), folder.Path, new Dictionary<string, string?>
        {
            ["Alerts:CheckInterval"] = interval,
            ["Alerts:CheckJitter"] = jitter,
        });

        var options = host.Get<IOptions<AlertOptions>>().Value;

        Assert.Equal(TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), options.EffectiveCheckJitter);
    }

    [Theory]
    [InlineData("Alerts:TenantSendsPerSecond", "0", "Alerts:TenantSendsPerSecond must be between 1 and 50")]
    [InlineData("Alerts:TenantSendsPerSecond", "51", "Alerts:TenantSendsPerSecond must be between 1 and 50")]
    [InlineData("Alerts:FirstCheckDelay", "-00:00:01", "Alerts:FirstCheckDelay must be between zero and one day")]
    [InlineData("Alerts:FirstCheckDelay", "2.00:00:00", "Alerts:FirstCheckDelay must be between zero and one day")]
    [InlineData("Alerts:CheckJitter", "02:00:00", "Alerts:CheckJitter must be zero or more and less than Alerts:CheckInterval")]
    public async Task Invalid_alert_settings_stop_the_start(string key, string value, string expected)
    {
        using var folder = new TempFolder("adebot-alerts-");
        await using var host = AlertsTestHost.Start(new FakeTimeProvider(TestClock.Start), folder.Path, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = host.Get<IOptions<AlertServiceOptions>>().Value;
            _ = host.Get<IOptions<AlertOptions>>().Value;
        });

        Assert.StartsWith(expected, Assert.Single(error.Failures), StringComparison.Ordinal);
        Assert.StartsWith(key, expected, StringComparison.Ordinal);
    }

    /// Moves the clock in steps until the worker has done what the test waits for. The worker
    /// arms its timer on its own thread, so the test cannot know the instant; it only needs the
    /// clock never to run ahead of the schedule by more than one step.
    private static async Task<DateTimeOffset> AdvanceUntilAsync(FakeTimeProvider time, TimeSpan step, Func<bool> done)
    {
        var guard = TestTimeout.Token;
        while (!done())
        {
            time.Advance(step);
            await Task.Delay(TimeSpan.FromMilliseconds(20), guard);
        }

        return time.GetUtcNow();
    }
}
