using AdeBot.Domain.Alerts;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;
using AdeBot.Testing;
using static AdeBot.Domain.Tests.Alerts.AlertScenario;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Domain.Tests.Alerts;

public sealed class AlertPlannerTests
{
    [Theory]
    [InlineData(31 * 24, null)]
    [InlineData(30 * 24, "days:30")]
    [InlineData(20 * 24, "days:30")]
    [InlineData(14 * 24 + 1, "days:30")]
    [InlineData(14 * 24, "days:14")]
    [InlineData(7 * 24 + 12, "days:14")]
    [InlineData(7 * 24, "days:7")]
    [InlineData(3 * 24, "days:3")]
    [InlineData(2 * 24 + 12, "days:3")]
    [InlineData(24, "days:1")]
    [InlineData(1, "days:1")]
    [InlineData(0, "expired:0")]
    [InlineData(-(6 * 24 + 23), "expired:0")]
    [InlineData(-7 * 24, "expired:7")]
    [InlineData(-20 * 24, "expired:14")]
    [InlineData(-400 * 24, "expired:399")]
    public void The_first_check_alerts_once_for_the_most_urgent_threshold_already_crossed(int hoursLeft, string? threshold)
    {
        var scenario = new AlertScenario(now => Snapshot(Ade("Main", now, Start.AddHours(hoursLeft)))).Subscribe("admins");

        scenario.Check();

        Assert.Equal(threshold is null ? [] : [threshold], scenario.LastMessage("admins").Select(f => f.Threshold));
    }

    [Fact]
    public void A_first_check_that_finds_three_days_left_sends_one_alert_not_five()
    {
        var scenario = new AlertScenario(now => Snapshot(Ade("Main", now, Start.AddDays(3)))).Subscribe("admins");

        var log = scenario.RunHourly(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));

        Assert.Equal(["0d00h admins: Raised Main ExpiringSoon days:3 Critical", "2d00h admins: Raised Main ExpiringSoon days:1 Critical"], log);
    }

    [Theory]
    [InlineData(7, new[] { "0d00h", "7d00h", "14d00h", "21d00h", "28d00h" }, new[] { "expired:0", "expired:7", "expired:14", "expired:21", "expired:28" })]
    [InlineData(10, new[] { "0d00h", "10d00h", "20d00h" }, new[] { "expired:0", "expired:10", "expired:20" })]
    public void An_expired_token_is_alerted_on_again_every_reminder_period_for_as_long_as_it_stays_expired(int reminderDays, string[] at, string[] thresholds)
    {
        var scenario = new AlertScenario(
            now => Snapshot(Ade("Main", now, Start)),
            new AlertOptions { ExpiredReminderDays = reminderDays }).Subscribe("admins");

        var log = scenario.RunHourly(TimeSpan.FromDays(30));

        Assert.Equal(at.Zip(thresholds, (time, threshold) => $"{time} admins: Raised Main Expired {threshold} Critical"), log);
    }

    [Fact]
    public void A_one_day_snooze_swallows_the_step_due_while_it_lasts_and_the_next_step_is_sent()
    {
        var scenario = new AlertScenario(
            now => Snapshot(Ade("Main", now, Start.AddDays(12))),
            new AlertOptions { ExpiryThresholdDays = [12, 11, 10, 9] }).Subscribe("admins");
        scenario.Check();
        scenario.Clock.Advance(TimeSpan.FromHours(1));
        scenario.SnoozeLastMessage("admins", days: 1);

        var log = scenario.RunHourly(TimeSpan.FromDays(4));

        Assert.Equal(
        [
            "0d00h admins: Raised Main ExpiringSoon days:12 Warning",
            // days:11 came due at 1d00h, inside the snooze (until 1d01h).
            "2d00h admins: Raised Main ExpiringSoon days:10 Warning",
            "3d00h admins: Raised Main ExpiringSoon days:9 Warning",
        ], log);
    }

    [Theory]
    [InlineData(1, new[] { "0d00h admins: Raised Main Expired expired:0 Critical", "7d00h admins: Raised Main Expired expired:7 Critical", "14d00h admins: Raised Main Expired expired:14 Critical" })]
    [InlineData(7, new[] { "0d00h admins: Raised Main Expired expired:0 Critical", "14d00h admins: Raised Main Expired expired:14 Critical" })]
    public void A_snooze_of_an_expired_token_skips_the_reminders_due_while_it_lasts(int snoozeDays, string[] expected)
    {
        var scenario = new AlertScenario(now => Snapshot(Ade("Main", now, Start))).Subscribe("admins");
        scenario.Check();
        scenario.Clock.Advance(TimeSpan.FromHours(1));
        scenario.SnoozeLastMessage("admins", snoozeDays);

        var log = scenario.RunHourly(TimeSpan.FromDays(15));

        Assert.Equal(expected, log);
        Assert.Equal("expired:14", scenario.Ledger("admins").Entries.Single().Step);
    }

    [Fact]
    public void A_critical_finding_breaks_through_a_snooze_of_the_same_finding_and_ends_it()
    {
        var scenario = new AlertScenario(now => Snapshot(Ade("Main", now, Start.AddDays(10)))).Subscribe("admins");
        scenario.Check();
        scenario.Clock.Advance(TimeSpan.FromHours(1));
        scenario.SnoozeLastMessage("admins", days: 7);

        var log = scenario.RunHourly(TimeSpan.FromDays(11));

        Assert.Equal(
        [
            "0d00h admins: Raised Main ExpiringSoon days:14 Warning",
            "3d00h admins: Raised Main ExpiringSoon days:7 Critical",
            // The breakthrough ended the snooze, so the next threshold is not held back until 7d01h.
            "7d00h admins: Raised Main ExpiringSoon days:3 Critical",
            "9d00h admins: Raised Main ExpiringSoon days:1 Critical",
            "10d00h admins: Raised Main Expired expired:0 Critical",
        ], log);
        Assert.Null(scenario.Ledger("admins").Entries.Single().SnoozedUntil);
    }

    [Fact]
    public void A_stale_sync_turning_critical_breaks_through_a_snooze()
    {
        var scenario = new AlertScenario(now => Snapshot(Ade("Main", now, Start.AddDays(200), lastSuccessfulSync: Start.AddHours(-23))))
            .Subscribe("admins");
        scenario.RunHourly(TimeSpan.FromHours(3));
        scenario.SnoozeLastMessage("admins", days: 7);

        var log = scenario.RunHourly(TimeSpan.FromDays(9));

        Assert.Equal(
        [
            "0d02h admins: Raised Main SyncStale stale:warning Warning",
            "2d01h admins: Raised Main SyncStale stale:critical Critical",
        ], log);
    }

    [Fact]
    public void A_snoozed_finding_does_not_hold_back_another_problem_of_the_same_token()
    {
        var errorFrom = Start.AddDays(2);
        var scenario = new AlertScenario(now => Snapshot(Ade("Main", now, Start.AddDays(14), errorCode: now >= errorFrom ? 5 : 0)))
            .Subscribe("admins");
        scenario.Check();
        scenario.SnoozeLastMessage("admins", days: 7);

        var log = scenario.RunHourly(TimeSpan.FromDays(3));

        Assert.Equal(
        [
            "0d00h admins: Raised Main ExpiringSoon days:14 Warning",
            "2d00h admins: Raised Main SyncError errorCode:5 Critical",
        ], log);
    }

    [Fact]
    public void A_critical_only_subscription_hears_only_of_critical_findings_and_of_their_clearing()
    {
        var syncedAgainAt = Start.AddDays(2);
        var scenario = new AlertScenario(now => Snapshot(
                Ade("Stale", now, Start.AddDays(200), lastSuccessfulSync: now < syncedAgainAt ? Start.AddHours(-23) : null),
                Ade("Broken", now, Start.AddDays(200), errorCode: now < syncedAgainAt ? 5 : 0)))
            .Subscribe("oncall", AlertScope.CriticalOnly);

        var log = scenario.RunHourly(TimeSpan.FromDays(3));

        // Stale reaches critical at 72 h (2d+1h after Start), after the sync came back at 2d00h.
        Assert.Equal(
        [
            "0d00h oncall: Raised Broken SyncError errorCode:5 Critical",
            "2d00h oncall: Cleared Broken SyncError syncRecovered Critical",
        ], log);
    }

    [Fact]
    public void A_problem_that_clears_is_forgotten_so_that_its_recurrence_alerts_again()
    {
        // Synced until 1d00h, then not until 3d00h, then not again from 4d00h.
        DateTimeOffset LastSync(DateTimeOffset now) => now switch
        {
            _ when now < Start.AddDays(1) => LastDeltaSync(now),
            _ when now < Start.AddDays(3) => Start.AddDays(1),
            _ when now < Start.AddDays(4) => LastDeltaSync(now),
            _ => Start.AddDays(4),
        };
        var scenario = new AlertScenario(now => Snapshot(Ade("Main", now, Start.AddDays(200), lastSuccessfulSync: LastSync(now))))
            .Subscribe("admins");

        var log = scenario.RunHourly(TimeSpan.FromDays(6));

        Assert.Equal(
        [
            "2d01h admins: Raised Main SyncStale stale:warning Warning",
            "3d00h admins: Cleared Main SyncStale syncRecovered Warning",
            "5d01h admins: Raised Main SyncStale stale:warning Warning",
        ], log);
    }

    [Fact]
    public void A_renewal_that_still_leaves_the_token_within_the_thresholds_is_recorded_in_silence_and_the_thresholds_count_again()
    {
        var renewedAt = Start.AddDays(1);
        var scenario = new AlertScenario(now => Snapshot(Ade("Main", now, now < renewedAt ? Start.AddDays(3) : renewedAt.AddDays(20))))
            .Subscribe("admins");

        var log = scenario.RunHourly(TimeSpan.FromDays(8));

        Assert.Equal(
        [
            "0d00h admins: Raised Main ExpiringSoon days:3 Critical",
            "7d00h admins: Raised Main ExpiringSoon days:14 Warning",
        ], log);
    }

    [Fact]
    public void A_sync_error_that_changes_code_is_alerted_again_and_its_clearing_names_the_last_problem()
    {
        var scenario = new AlertScenario(now => Snapshot(Ade("Main", now, Start.AddDays(200), errorCode: (now - Start).TotalHours switch
        {
            < 2 => 5,
            < 4 => 3,
            _ => 0,
        }))).Subscribe("admins");

        var log = scenario.RunHourly(TimeSpan.FromHours(6));

        Assert.Equal(
        [
            "0d00h admins: Raised Main SyncError errorCode:5 Critical",
            "0d02h admins: Raised Main TermsNotAccepted errorCode:3 Critical",
            "0d04h admins: Cleared Main TermsNotAccepted syncRecovered Critical",
        ], log);
    }

    [Fact]
    public void A_token_removed_from_the_inventory_is_forgotten_in_silence_and_alerts_again_if_it_returns()
    {
        var scenario = new AlertScenario(now => (now - Start).TotalHours is >= 1 and < 2
            ? Snapshot()
            : Snapshot(Ade("Main", now, Start.AddDays(5)))).Subscribe("admins");

        var log = scenario.RunHourly(TimeSpan.FromHours(3));

        Assert.Equal(
        [
            "0d00h admins: Raised Main ExpiringSoon days:7 Critical",
            "0d02h admins: Raised Main ExpiringSoon days:7 Critical",
        ], log);
    }

    [Fact]
    public void A_missing_apns_certificate_is_alerted_once_and_resolved_when_one_is_uploaded()
    {
        var uploadedAt = Start.AddHours(2);
        var scenario = new AlertScenario(now => Snapshot() with { Apns = now < uploadedAt ? null : HealthyApns }).Subscribe("admins");

        var log = scenario.RunHourly(TimeSpan.FromHours(4));

        Assert.Equal(
        [
            $"0d00h admins: Raised {HealthEvaluator.ApnsTokenName} NotConfigured notConfigured Critical",
            $"0d02h admins: Cleared {HealthEvaluator.ApnsTokenName} NotConfigured resolved Critical",
        ], log);
        Assert.Equal(AlertClearReason.Resolved, scenario.LastMessage("admins").Single().ClearReason);
    }

    [Fact]
    public void One_message_covers_every_new_finding_of_the_tenant_worst_first()
    {
        var scenario = new AlertScenario(now => Snapshot(
            Ade("Later", now, Start.AddDays(25)),
            Ade("Stale", now, Start.AddDays(200), lastSuccessfulSync: Start.AddHours(-30)),
            Ade("Soon", now, Start.AddDays(2), errorCode: 3)) with { Apns = null }).Subscribe("admins");

        scenario.Check();

        Assert.Equal(
            $"Raised Soon ExpiringSoon days:3 Critical + Raised Soon TermsNotAccepted errorCode:3 Critical + " +
            $"Raised {HealthEvaluator.ApnsTokenName} NotConfigured notConfigured Critical + " +
            "Raised Later ExpiringSoon days:30 Warning + Raised Stale SyncStale stale:warning Warning",
            Describe(scenario.LastMessage("admins")));
        Assert.Single(scenario.Log);
    }

    [Fact]
    public void A_plan_that_was_not_committed_is_planned_again_unchanged()
    {
        var clock = new FakeTimeProvider(Start);
        var planner = new AlertPlanner(new AlertOptions(), clock);
        var health = new HealthEvaluator(new HealthRulesOptions(), clock).Evaluate(Snapshot(Ade("Main", Start, Start.AddDays(3), errorCode: 5)));
        var subscription = Subscription(AlertScope.All);

        var first = planner.Plan(health, subscription, AlertLedgerState.Empty);
        clock.Advance(TimeSpan.FromHours(1));
        var retried = planner.Plan(health, subscription, AlertLedgerState.Empty);
        var afterCommit = planner.Plan(health, subscription, AlertLedgerState.Empty.Apply(retried.Changes));

        Assert.Equal(first.Findings.Select(f => (f.Finding, f.Code, f.Threshold)), retried.Findings.Select(f => (f.Finding, f.Code, f.Threshold)));
        Assert.Equal(2, retried.Findings.Count);
        Assert.Empty(afterCommit.Findings);
        Assert.Empty(afterCommit.Changes);
    }

    [Fact]
    public void Problems_of_healthy_severity_are_never_alerted_on()
    {
        var planner = new AlertPlanner(new AlertOptions(), new FakeTimeProvider(Start));
        var token = new TokenHealth(TokenKind.Vpp, "vpp-1", "Books", null, AppleProgram.Unknown, null, Start, HealthStatus.Healthy,
            [new Problem(ProblemCode.SyncFailed, HealthStatus.Healthy)]);
        var health = new TenantHealth(TenantId, SnapshotSource.Replay, Start, HealthStatus.Healthy, [token]);

        var plan = planner.Plan(health, Subscription(AlertScope.All), AlertLedgerState.Empty);

        Assert.Empty(plan.Findings);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void Findings_carry_the_subscription_tenant_so_ledger_keys_match_whatever_the_case_of_the_health_tenant()
    {
        var clock = new FakeTimeProvider(Start);
        var planner = new AlertPlanner(new AlertOptions(), clock);
        var health = new HealthEvaluator(new HealthRulesOptions(), clock).Evaluate(Snapshot(Ade("Main", Start, Start.AddDays(3))) with { TenantId = "CONTOSO" });

        var plan = planner.Plan(health, Subscription(AlertScope.All), AlertLedgerState.Empty);

        Assert.Equal(TenantId, plan.Findings.Single().TenantId);
        Assert.Equal($"{TenantId}|Ade|id-Main|expiry", plan.Findings.Single().FindingKey);
        Assert.Throws<ArgumentException>(() => planner.Plan(health with { TenantId = "fabrikam" }, Subscription(AlertScope.All), AlertLedgerState.Empty));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(7, true)]
    [InlineData(0, false)]
    [InlineData(3, false)]
    [InlineData(-1, false)]
    [InlineData(36500, false)]
    public void Only_the_offered_snooze_lengths_are_accepted(int days, bool accepted)
    {
        var planner = new AlertPlanner(new AlertOptions(), new FakeTimeProvider(Start));

        Assert.Equal(accepted ? Start.AddDays(days) : null, planner.SnoozeUntil(days));
    }

    private static ConversationSubscription Subscription(AlertScope scope) =>
        new(new StoredConversation(TenantId, "a:1", "personal", "msteams", "https://smba.example/", "28:bot"), true, scope, null, Start, Start);
}
