using AdeBot.Domain.Alerts;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;
using System.Data.Common;
using static AdeBot.Storage.Tests.TestStorage;

namespace AdeBot.Storage.Tests;

public abstract class AlertLedgerStoreTests(TestStorage storage) : StoreTests(storage)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ConversationKey Key = Conversation().Key;
    private static readonly FindingId Expiry = new(Key.TenantId, TokenKind.Ade, "ade|1", AlertTracks.Expiry);
    private static readonly FindingId Stale = new(Key.TenantId, TokenKind.Ade, "ade|1", AlertTracks.SyncStale);
    private static readonly FindingId Vpp = new(Key.TenantId, TokenKind.Vpp, "vpp-1", AlertTracks.VppState);

    [Fact]
    public async Task Commits_and_snoozes_read_back_exactly_as_the_domain_ledger_applies_them()
    {
        var store = _db.NewStore();
        await store.UpsertConversationAsync(Conversation(), true, None);
        var expected = AlertLedgerState.Empty;

        async Task Commit(params LedgerChange[] changes)
        {
            Assert.True(await store.CommitAsync(Key, changes, None));
            expected = expected.Apply(changes);
        }

        async Task Snooze(DateTimeOffset until, params FindingId[] findings)
        {
            await store.SnoozeAsync(Key, findings, until, None);
            expected = expected.Snooze(findings, until);
        }

        await Commit(Step(Expiry, ProblemCode.ExpiringSoon, "days:14", -14, HealthStatus.Warning), Step(Stale, ProblemCode.SyncStale, "stale:warning", 1, HealthStatus.Warning));
        await Snooze(Start.AddDays(7), Expiry, Stale);
        await Commit(Step(Expiry, ProblemCode.ExpiringSoon, "days:7", -7, HealthStatus.Critical), Step(Vpp, ProblemCode.InvalidState, "state:invalid", 0, HealthStatus.Critical));
        await Commit(Step(Stale, ProblemCode.SyncStale, "stale:critical", 2, HealthStatus.Critical, endsSnooze: true));
        await Commit(new ForgetFinding(Vpp), Step(Expiry, ProblemCode.Expired, "expired:0", 0, HealthStatus.Critical, at: Start.AddDays(7).AddMilliseconds(1)));

        var stored = await _db.NewStore().ReadAsync(Key, None);

        Assert.Equal(Order(expected.Entries), Order(stored.Entries));
        Assert.Equal(Start.AddDays(7), stored.Find(Expiry)!.SnoozedUntil);
        Assert.Null(stored.Find(Stale)!.SnoozedUntil);
        Assert.Null(stored.Find(Vpp));
    }

    [Fact]
    public async Task A_commit_is_all_or_nothing()
    {
        var store = _db.NewStore();
        await store.UpsertConversationAsync(Conversation(), true, None);
        await store.CommitAsync(Key, [Step(Vpp, ProblemCode.InvalidState, "state:invalid", 0, HealthStatus.Critical)], None);

        // The ledger only records what can be alerted on, so a Healthy step is refused by the
        // database after the first two changes were written inside the transaction.
        await Assert.ThrowsAnyAsync<DbException>(() => store.CommitAsync(Key,
        [
            Step(Expiry, ProblemCode.ExpiringSoon, "days:7", -7, HealthStatus.Critical),
            new ForgetFinding(Vpp),
            Step(Stale, ProblemCode.SyncStale, "stale:warning", 1, HealthStatus.Healthy),
        ], None));

        var stored = await _db.NewStore().ReadAsync(Key, None);
        Assert.Equal([Vpp], stored.Entries.Select(e => e.Finding));
    }

    [Fact]
    public async Task A_commit_for_a_conversation_removed_or_unsubscribed_during_the_check_writes_nothing()
    {
        var store = _db.NewStore();
        var removed = Conversation(conversationId: "a:removed").Key;
        await store.UpsertConversationAsync(Conversation(), true, None);
        await store.SetActiveAsync(Key, false, None);

        Assert.False(await store.CommitAsync(Key, [Step(Expiry, ProblemCode.ExpiringSoon, "days:7", -7, HealthStatus.Critical)], None));
        Assert.False(await store.CommitAsync(removed, [Step(Expiry with { TenantId = removed.TenantId }, ProblemCode.ExpiringSoon, "days:7", -7, HealthStatus.Critical)], None));

        Assert.Empty((await store.ReadAsync(Key, None)).Entries);
        Assert.Empty((await store.ReadAsync(removed, None)).Entries);
    }

    [Fact]
    public async Task Only_findings_the_ledger_holds_for_this_conversation_can_be_snoozed()
    {
        var store = _db.NewStore();
        var other = Conversation(conversationId: "a:other").Key;
        await store.UpsertConversationAsync(Conversation(), true, None);
        await store.UpsertConversationAsync(Conversation(conversationId: "a:other"), true, None);
        await store.CommitAsync(Key, [Step(Expiry, ProblemCode.ExpiringSoon, "days:7", -7, HealthStatus.Critical)], None);
        await store.CommitAsync(other, [Step(Expiry, ProblemCode.ExpiringSoon, "days:7", -7, HealthStatus.Critical)], None);

        var snoozed = await store.SnoozeAsync(Key, [Expiry, Expiry, Stale, Expiry with { TenantId = "fabrikam" }], Start.AddDays(1), None);

        Assert.Equal(1, snoozed);
        Assert.Equal(Start.AddDays(1), (await store.ReadAsync(Key, None)).Find(Expiry)!.SnoozedUntil);
        Assert.Null((await store.ReadAsync(other, None)).Find(Expiry)!.SnoozedUntil);
    }

    private static List<LedgerEntry> Order(IEnumerable<LedgerEntry> entries) => [.. entries.OrderBy(e => e.Finding.Key, StringComparer.Ordinal)];
}

public sealed class SqliteAlertLedgerStoreTests() : AlertLedgerStoreTests(new TempDatabase());

public sealed class PostgreSqlAlertLedgerStoreTests() : AlertLedgerStoreTests(new TempPostgreSqlDatabase());
