using AdeBot.Domain.Alerts;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;
using static AdeBot.Storage.Tests.TestStorage;

namespace AdeBot.Storage.Tests;

/// The alert loop as the host runs it (list by tenant → evaluate once → plan → send → commit) over
/// each real store, restarted before every check: new database and store objects on the
/// same data, as after a redeploy.
public abstract class AlertRestartTests(TestStorage storage) : StoreTests(storage)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset ExpiresAt = Start.AddDays(8);
    private static readonly DateTimeOffset SyncFailsAt = Start.AddDays(2).AddHours(12);
    private static readonly DateTimeOffset SyncRecoversAt = Start.AddDays(3);

    private readonly List<string> _sent = [];

    [Fact]
    public async Task Restarting_before_every_check_sends_each_alert_once()
    {
        await Subscribe("admins", AlertScope.All);
        await Subscribe("oncall", AlertScope.CriticalOnly);

        await RunHourly(TimeSpan.FromDays(9), sendFails: (_, _) => false);

        Assert.Equal(
        [
            "0d00h admins: Raised ExpiringSoon days:14 Warning",
            "1d00h admins: Raised ExpiringSoon days:7 Critical",
            "1d00h oncall: Raised ExpiringSoon days:7 Critical",
            "2d12h admins: Raised SyncError errorCode:5 Critical",
            "2d12h oncall: Raised SyncError errorCode:5 Critical",
            "3d00h admins: Cleared SyncError syncRecovered Critical",
            "3d00h oncall: Cleared SyncError syncRecovered Critical",
            "5d00h admins: Raised ExpiringSoon days:3 Critical",
            "5d00h oncall: Raised ExpiringSoon days:3 Critical",
            "7d00h admins: Raised ExpiringSoon days:1 Critical",
            "7d00h oncall: Raised ExpiringSoon days:1 Critical",
            "8d00h admins: Raised Expired expired:0 Critical",
            "8d00h oncall: Raised Expired expired:0 Critical",
        ], _sent);
    }

    [Fact]
    public async Task An_alert_whose_send_failed_is_sent_after_the_restart_and_only_once()
    {
        await Subscribe("admins", AlertScope.All);
        HashSet<string> attempted = [];

        // The first attempt of every message fails (503 until the retries run out), and the service restarts.
        await RunHourly(TimeSpan.FromDays(9), sendFails: (name, findings) => attempted.Add($"{name}: {Describe(findings)}"));

        Assert.Equal(
        [
            "0d01h admins: Raised ExpiringSoon days:14 Warning",
            "1d01h admins: Raised ExpiringSoon days:7 Critical",
            "2d13h admins: Raised SyncError errorCode:5 Critical",
            "3d01h admins: Cleared SyncError syncRecovered Critical",
            "5d01h admins: Raised ExpiringSoon days:3 Critical",
            "7d01h admins: Raised ExpiringSoon days:1 Critical",
            "8d01h admins: Raised Expired expired:0 Critical",
        ], _sent);
    }

    [Fact]
    public async Task A_snooze_survives_a_restart()
    {
        await Subscribe("admins", AlertScope.All);
        await RunHourly(TimeSpan.FromHours(1), sendFails: (_, _) => false);
        var planner = new AlertPlanner(new AlertOptions(), _db.Clock);
        var key = new ConversationKey(Conversation().TenantId, "a:admins");
        var expiry = (await _db.NewStore().ReadAsync(key, None)).Entries.Single().Finding;

        Assert.Equal(1, await _db.NewStore().SnoozeAsync(key, [expiry], planner.SnoozeUntil(7)!.Value, None));
        await RunHourly(TimeSpan.FromDays(3), sendFails: (_, _) => false);

        // days:7 is critical and breaks through the snooze of the days:14 warning; the sync error is
        // another finding.
        Assert.Equal(
        [
            "0d00h admins: Raised ExpiringSoon days:14 Warning",
            "1d00h admins: Raised ExpiringSoon days:7 Critical",
            "2d12h admins: Raised SyncError errorCode:5 Critical",
            "3d00h admins: Cleared SyncError syncRecovered Critical",
        ], _sent);
        Assert.Null((await _db.NewStore().ReadAsync(key, None)).Find(expiry)!.SnoozedUntil);
    }

    [Fact]
    public async Task Subscribing_again_after_an_unsubscribe_alerts_on_what_is_failing_now()
    {
        await Subscribe("admins", AlertScope.All);
        await RunHourly(TimeSpan.FromDays(1) + TimeSpan.FromHours(1), sendFails: (_, _) => false);
        var key = new ConversationKey(Conversation().TenantId, "a:admins");

        await _db.NewStore().SetActiveAsync(key, false, None);
        await RunHourly(TimeSpan.FromHours(2), sendFails: (_, _) => false);
        await _db.NewStore().SetActiveAsync(key, true, None);
        await RunHourly(TimeSpan.FromHours(2), sendFails: (_, _) => false);

        Assert.Equal(
        [
            "0d00h admins: Raised ExpiringSoon days:14 Warning",
            "1d00h admins: Raised ExpiringSoon days:7 Critical",
            "1d03h admins: Raised ExpiringSoon days:7 Critical",
        ], _sent);
    }

    private async Task Subscribe(string name, AlertScope scope)
    {
        var store = _db.NewStore();
        var (stored, _) = await store.UpsertConversationAsync(Conversation(conversationId: $"a:{name}"), subscribeIfNew: true, None);
        await store.SetScopeAsync(stored.Key, scope, None);
    }

    private async Task RunHourly(TimeSpan duration, Func<string, IReadOnlyList<AlertFinding>, bool> sendFails)
    {
        var end = _db.Clock.GetUtcNow() + duration;
        while (_db.Clock.GetUtcNow() < end)
        {
            await Check(_db.NewStore(), sendFails);
            _db.Clock.Advance(TimeSpan.FromHours(1));
        }
    }

    private async Task Check(IConversationStore store, Func<string, IReadOnlyList<AlertFinding>, bool> sendFails)
    {
        var evaluator = new HealthEvaluator(new HealthRulesOptions(), _db.Clock);
        var planner = new AlertPlanner(new AlertOptions(), _db.Clock);
        foreach (var tenant in await store.ListActiveByTenantAsync(None))
        {
            var health = evaluator.Evaluate(Snapshot(tenant.TenantId, _db.Clock.GetUtcNow()));
            foreach (var subscription in tenant.Subscriptions)
            {
                var plan = planner.Plan(health, subscription, await store.ReadAsync(subscription.Key, None));
                var name = subscription.Key.ConversationId["a:".Length..];
                if (plan.HasMessage)
                {
                    if (sendFails(name, plan.Findings)) continue;
                    var elapsed = _db.Clock.GetUtcNow() - Start;
                    _sent.Add($"{(int)elapsed.TotalDays}d{elapsed.Hours:00}h {name}: {Describe(plan.Findings)}");
                }

                Assert.True(await store.CommitAsync(subscription.Key, plan.Changes, None));
            }
        }
    }

    private static string Describe(IEnumerable<AlertFinding> findings) =>
        string.Join(" + ", findings.Select(f => $"{f.Kind} {f.Code} {f.Threshold} {f.Severity}"));

    private static TenantSnapshot Snapshot(string tenantId, DateTimeOffset now)
    {
        var failing = now >= SyncFailsAt && now < SyncRecoversAt;
        var lastDeltaSync = Start + TimeSpan.FromHours(Math.Floor((now - Start).TotalHours / 12) * 12);
        var token = new AdeToken("ade-1", "Main", "abm@contoso.example", AppleProgram.BusinessManager, ExpiresAt,
            failing ? SyncFailsAt : lastDeltaSync, null, failing ? 5 : 0, 10);
        var apns = new ApnsCertificate("apns", "mdm@contoso.example", "com.apple.mgmt", Start.AddDays(200), Start);
        return new TenantSnapshot(tenantId, SnapshotSource.Replay, now, [token], apns, []);
    }
}

public sealed class SqliteAlertRestartTests() : AlertRestartTests(new TempDatabase());

public sealed class PostgreSqlAlertRestartTests() : AlertRestartTests(new TempPostgreSqlDatabase());
