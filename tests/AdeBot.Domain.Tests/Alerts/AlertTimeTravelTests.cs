using AdeBot.Domain.Alerts;
using static AdeBot.Domain.Tests.Alerts.AlertScenario;

namespace AdeBot.Domain.Tests.Alerts;

/// Forty days of hourly checks for a token that expires, is renewed and later fails to sync.
public sealed class AlertTimeTravelTests
{
    private static readonly DateTimeOffset ExpiresAt = Start.AddDays(20);
    private static readonly DateTimeOffset RenewedAt = Start.AddDays(30).AddHours(2);
    private static readonly DateTimeOffset SyncFailsAt = Start.AddDays(33);
    private static readonly DateTimeOffset SyncRecoversAt = Start.AddDays(38);

    private static AlertScenario FortyDays() =>
        new AlertScenario(now =>
        {
            var expiresAt = now < RenewedAt ? ExpiresAt : RenewedAt.AddDays(365);
            var failing = now >= SyncFailsAt && now < SyncRecoversAt;
            return Snapshot(Ade("Main", now, expiresAt, lastSuccessfulSync: failing ? SyncFailsAt : null, errorCode: failing ? 5 : 0));
        })
        .Subscribe("admins")
        .Subscribe("oncall", AlertScope.CriticalOnly);

    [Fact]
    public void Every_alert_of_forty_days_goes_out_once_at_the_check_that_crosses_its_threshold()
    {
        var log = FortyDays().RunHourly(TimeSpan.FromDays(40));

        Assert.Equal(
        [
            "0d00h admins: Raised Main ExpiringSoon days:30 Warning",
            "6d00h admins: Raised Main ExpiringSoon days:14 Warning",
            "13d00h admins: Raised Main ExpiringSoon days:7 Critical",
            "13d00h oncall: Raised Main ExpiringSoon days:7 Critical",
            "17d00h admins: Raised Main ExpiringSoon days:3 Critical",
            "17d00h oncall: Raised Main ExpiringSoon days:3 Critical",
            "19d00h admins: Raised Main ExpiringSoon days:1 Critical",
            "19d00h oncall: Raised Main ExpiringSoon days:1 Critical",
            "20d00h admins: Raised Main Expired expired:0 Critical",
            "20d00h oncall: Raised Main Expired expired:0 Critical",
            "27d00h admins: Raised Main Expired expired:7 Critical",
            "27d00h oncall: Raised Main Expired expired:7 Critical",
            "30d02h admins: Cleared Main Expired renewed Critical",
            "30d02h oncall: Cleared Main Expired renewed Critical",
            "33d00h admins: Raised Main SyncError errorCode:5 Critical",
            "33d00h oncall: Raised Main SyncError errorCode:5 Critical",
            "34d01h admins: Raised Main SyncStale stale:warning Warning",
            "36d00h admins: Raised Main SyncStale stale:critical Critical",
            "36d00h oncall: Raised Main SyncStale stale:critical Critical",
            "38d00h admins: Cleared Main SyncError syncRecovered Critical + Cleared Main SyncStale syncRecovered Critical",
            "38d00h oncall: Cleared Main SyncError syncRecovered Critical + Cleared Main SyncStale syncRecovered Critical",
        ], log);
    }

    [Fact]
    public void A_send_that_fails_is_sent_at_the_next_check_and_never_twice()
    {
        // The first attempt of every message fails, as when the connector answers 503 for a while.
        var scenario = FortyDays();
        HashSet<string> attempted = [];
        scenario.SendFails = (name, findings) => attempted.Add($"{name}: {Describe(findings)}");

        var log = scenario.RunHourly(TimeSpan.FromDays(40));

        Assert.Equal(
        [
            "0d01h admins: Raised Main ExpiringSoon days:30 Warning",
            "6d01h admins: Raised Main ExpiringSoon days:14 Warning",
            "13d01h admins: Raised Main ExpiringSoon days:7 Critical",
            "13d01h oncall: Raised Main ExpiringSoon days:7 Critical",
            "17d01h admins: Raised Main ExpiringSoon days:3 Critical",
            "17d01h oncall: Raised Main ExpiringSoon days:3 Critical",
            "19d01h admins: Raised Main ExpiringSoon days:1 Critical",
            "19d01h oncall: Raised Main ExpiringSoon days:1 Critical",
            "20d01h admins: Raised Main Expired expired:0 Critical",
            "20d01h oncall: Raised Main Expired expired:0 Critical",
            "27d01h admins: Raised Main Expired expired:7 Critical",
            "27d01h oncall: Raised Main Expired expired:7 Critical",
            "30d03h admins: Cleared Main Expired renewed Critical",
            "30d03h oncall: Cleared Main Expired renewed Critical",
            "33d01h admins: Raised Main SyncError errorCode:5 Critical",
            "33d01h oncall: Raised Main SyncError errorCode:5 Critical",
            "34d02h admins: Raised Main SyncStale stale:warning Warning",
            "36d01h admins: Raised Main SyncStale stale:critical Critical",
            "36d01h oncall: Raised Main SyncStale stale:critical Critical",
            "38d01h admins: Cleared Main SyncError syncRecovered Critical + Cleared Main SyncStale syncRecovered Critical",
            "38d01h oncall: Cleared Main SyncError syncRecovered Critical + Cleared Main SyncStale syncRecovered Critical",
        ], log);
    }
}
