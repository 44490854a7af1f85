using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Testing;
using AdeBot.Testing.Connector;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Tests.Alerts;

/// Forty days of hourly checks over VppTimeline, with the real worker, storage, inventory (Graph
/// replay), cards and connector client; what arrives at the fake connector is the whole story.
public sealed class AlertTimeTravelTests
{
    private const string English = "a:admin-en";
    private const string Finnish = "a:admin-fi";

    private sealed record Delivery(int Hour, string Conversation, string Title, string Summary);

    private static Delivery[] BothLanguages(int hour, string enTitle, string enSummary, string fiTitle, string fiSummary) =>
        [new(hour, English, enTitle, enSummary), new(hour, Finnish, fiTitle, fiSummary)];

    private static Delivery[] ExpiresIn(int hour, int days) => BothLanguages(hour,
        "1 problem with Apple tokens", $"1 Apple token problem: Contoso VPP – Expires in {days} {(days == 1 ? "day" : "days")} (12/24/2026)",
        "1 ongelma Apple-yhteyksissä", $"1 ongelma Apple-yhteyksissä: Contoso VPP – Vanhenee {days} päivän kuluttua (24.12.2026)");

    /// The token expires at hour 768 (day 32); each threshold alerts at the first check that crosses it.
    private static readonly Delivery[] AlertsBeforeDay14 = [.. ExpiresIn(2 * 24, 30)];

    private static readonly Delivery[] AlertsAfterDay14 =
    [
        .. ExpiresIn(25 * 24, 7),
        .. ExpiresIn(29 * 24, 3),
        .. ExpiresIn(31 * 24, 1),
        .. BothLanguages(32 * 24,
            "1 problem with Apple tokens", "1 Apple token problem: Contoso VPP – Expired today",
            "1 ongelma Apple-yhteyksissä", "1 ongelma Apple-yhteyksissä: Contoso VPP – Vanheni tänään"),
        // Renewed on day 34, before the first "still expired" reminder (day 39) was due.
        .. BothLanguages(VppTimeline.RenewedAtHour,
            "Apple token problems resolved", "resolved: 1",
            "Apple-yhteyksien ongelmat on ratkaistu", "ratkaistu: 1"),
        .. BothLanguages(VppTimeline.SyncFailsAtHour,
            "1 problem with Apple tokens", "1 Apple token problem: Contoso VPP – Last sync failed",
            "1 ongelma Apple-yhteyksissä", "1 ongelma Apple-yhteyksissä: Contoso VPP – Viimeisin synkronointi epäonnistui"),
    ];

    [Fact]
    public async Task A_token_that_expires_is_renewed_and_fails_to_sync_alerts_exactly_once_per_step_in_each_language()
    {
        var deliveries = await TravelAsync(restartAt: [], outageAt: []);

        Assert.Equal([.. AlertsBeforeDay14, .. ExpiresIn(18 * 24, 14), .. AlertsAfterDay14], deliveries);
    }

    [Fact]
    public async Task Restarts_on_the_same_database_neither_repeat_nor_skip_an_alert_even_one_that_failed_to_send()
    {
        // Restarts at quiet hours and one right after the day-14 alert failed to reach Teams.
        const int outage = 18 * 24;
        var deliveries = await TravelAsync(restartAt: [100, outage + 1, 30 * 24 + 5], outageAt: [outage]);

        Delivery[] expected =
        [
            .. AlertsBeforeDay14,
            // Both attempts were answered 500 and nothing was recorded, so the next check (after the
            // restart) plans the same step again, with the days left as they are by then.
            .. ExpiresIn(outage, 14),
            .. ExpiresIn(outage + 1, 13),
            .. AlertsAfterDay14,
        ];
        Assert.Equal(expected, deliveries);
    }

    [Fact]
    public async Task A_snooze_silences_the_steps_it_covers_until_a_worse_one_breaks_through()
    {
        // The Finnish conversation presses Snooze on its latest alert at these hours (days).
        var deliveries = await TravelAsync(restartAt: [], outageAt: [], finnishSnoozes: new() { [426] = 1, [500] = 7, [601] = 7 });

        Delivery[] all = [.. AlertsBeforeDay14, .. ExpiresIn(18 * 24, 14), .. AlertsAfterDay14];
        Assert.Equal(all.Where(d => d.Conversation == English), deliveries.Where(d => d.Conversation == English));
        // Day 14 (a warning) fell inside the 1-day snooze and was passed in silence, not postponed.
        // Day 7 is critical, worse than anything alerted before: it breaks through the 7-day snooze.
        // Snoozed again for 7 days: days 3 and 1 and the expiry are no worse, so they stay silent.
        // The renewal is always told, and the sync failure is a new finding the snooze never covered.
        int[] finnishHours = [2 * 24, 25 * 24, VppTimeline.RenewedAtHour, VppTimeline.SyncFailsAtHour];
        Assert.Equal(all.Where(d => d.Conversation == Finnish && finnishHours.Contains(d.Hour)), deliveries.Where(d => d.Conversation == Finnish));
    }

    /// What the conversation handler does for a Snooze click on the conversation's latest alert.
    private static async Task PressSnoozeAsync(AlertsTestHost host, FakeConnectorServer connector, string conversationId, int days)
    {
        var latest = SentAlert.All(connector).Last(a => a.ConversationId == conversationId);
        var button = latest.Buttons.Single(b => b.Verb == CardVerbs.Snooze && b.Days == days);
        List<FindingId> findings = [.. button.FindingKeys!.Select(key => FindingId.TryParse(key, out var finding) ? finding : throw new FormatException(key))];
        var until = host.Get<AlertPlanner>().SnoozeUntil(days) ?? throw new InvalidOperationException($"{days} days is not a snooze the card may offer.");
        Assert.Equal(findings.Count, await host.Ledger.SnoozeAsync(new ConversationKey(AlertsTestHost.TenantId, conversationId), findings, until, TestTimeout.Token));
    }

    /// Checks hourly for 40 days. A new recording is a redeploy (Graph:ReplayPath is read at
    /// start-up), so the host restarts then, and at `restartAt`; at `outageAt` the connector answers
    /// 500 to both conversations; at each hour of `finnishSnoozes` the Finnish conversation snoozes.
    /// Returns every request the connector received, with its hour.
    private static async Task<List<Delivery>> TravelAsync(HashSet<int> restartAt, HashSet<int> outageAt, Dictionary<int, int>? finnishSnoozes = null)
    {
        using var folder = new TempFolder("adebot-alerts-");
        await using var connector = await FakeConnectorServer.StartHttpAsync();
        var time = new FakeTimeProvider(TestClock.Start);
        var timeline = new VppTimeline(time.GetUtcNow());
        var replay = Path.Combine(folder.Path, "graph.json");
        Dictionary<string, string?> settings = new() { ["Graph:ReplayPath"] = replay };
        var phase = VppTimeline.PhaseAt(0);
        timeline.WriteRecording(replay, phase);
        var host = AlertsTestHost.Start(time, folder.Path, settings);
        try
        {
            await host.InstallAsync(English, connector.ServiceUrl(), locale: "en-US");
            // Installed from an English client, then asked to speak Finnish.
            await host.InstallAsync(Finnish, connector.ServiceUrl(), locale: "en-US", localeOverride: "fi");
            List<Delivery> deliveries = [];
            for (var hour = 0; hour <= VppTimeline.Days * 24; hour++)
            {
                if (hour > 0) time.Advance(TimeSpan.FromHours(1));
                var phaseNow = VppTimeline.PhaseAt(hour);
                if (phaseNow != phase || restartAt.Contains(hour))
                {
                    await host.DisposeAsync();
                    if (phaseNow != phase) timeline.WriteRecording(replay, phase = phaseNow);
                    host = AlertsTestHost.Start(time, folder.Path, settings);
                }

                if (finnishSnoozes?.GetValueOrDefault(hour) is > 0 and var days) await PressSnoozeAsync(host, connector, Finnish, days);
                if (outageAt.Contains(hour)) connector.Enqueue(ScriptedResponse.Error(500, "ServiceError"), ScriptedResponse.Error(500, "ServiceError"));
                var before = connector.Requests.Count;
                await host.CheckAsync();
                deliveries.AddRange(connector.Requests.Skip(before).Select(SentAlert.From)
                    .Select(alert => new Delivery(hour, alert.ConversationId, alert.Title, alert.Summary ?? "")));
            }

            return deliveries;
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
