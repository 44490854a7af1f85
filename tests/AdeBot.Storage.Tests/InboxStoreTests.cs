using AdeBot.Domain.Inbox;
using static AdeBot.Storage.Tests.TestStorage;

namespace AdeBot.Storage.Tests;

/// The inbox on a real database: what is accepted survives a restart, a redelivery or a
/// repeated waiting question is stored once, and finished entries go after their retention.
public abstract class InboxStoreTests(TestStorage storage) : StoreTests(storage)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_accepted_entry_is_there_for_the_next_process_as_it_was_given()
    {
        var given = Entry("activity-1", "are my ADE tokens healthy?");

        var accepted = await NewStore().AcceptAsync(given, None);
        var afterRestart = await NewStore().ListUnfinishedAsync(None);

        var entry = Assert.Single(afterRestart);
        Assert.Equal(accepted.Entry, entry);
        Assert.Equal(
            (given.TenantId, given.ConversationKey, given.Kind, given.Payload, given.IsLocal, given.ReceivedAt, given.NotBefore, InboxEntryState.Pending),
            (entry.TenantId, entry.ConversationKey, entry.Kind, entry.Payload, entry.IsLocal, entry.ReceivedAt, entry.NotBefore, entry.State));
    }

    [Fact]
    public async Task A_redelivered_activity_is_stored_once_even_after_it_was_answered()
    {
        var store = NewStore();
        var first = await store.AcceptAsync(Entry("activity-1", "help"), None);
        await store.CompleteAsync(first.Entry!.Id, InboxOutcome.Processed, None);

        var again = await store.AcceptAsync(Entry("activity-1", "help"), None);

        Assert.True(first.IsNew);
        Assert.False(again.IsNew);
        Assert.Empty(await store.ListUnfinishedAsync(None));
    }

    [Fact]
    public async Task The_same_question_asked_again_while_the_first_waits_is_answered_once_but_not_once_it_runs()
    {
        var store = NewStore();
        var first = await store.AcceptAsync(Entry("activity-1", "status", coalesce: "q-status"), None);
        var whileWaiting = await store.AcceptAsync(Entry("activity-2", "status", coalesce: "q-status"), None);
        var otherConversation = await store.AcceptAsync(Entry("activity-3", "status", coalesce: "q-status", conversation: "t1/other"), None);
        await store.MarkRunningAsync(first.Entry!.Id, None);
        var whileRunning = await store.AcceptAsync(Entry("activity-4", "status", coalesce: "q-status"), None);

        Assert.False(whileWaiting.IsNew);
        Assert.True(otherConversation.IsNew);
        // Once the first is being answered, a new ask may want newer data: it gets its own answer.
        Assert.True(whileRunning.IsNew);
        Assert.Equal(
            [(first.Entry.Id, InboxEntryState.Running), (otherConversation.Entry!.Id, InboxEntryState.Pending), (whileRunning.Entry!.Id, InboxEntryState.Pending)],
            (await store.ListUnfinishedAsync(None)).Select(e => (e.Id, e.State)));
    }

    [Fact]
    public async Task Finished_entries_are_trimmed_after_the_cutoff_and_unfinished_ones_never()
    {
        var store = NewStore();
        var done = await store.AcceptAsync(Entry("activity-1", "help"), None);
        var waiting = await store.AcceptAsync(Entry("activity-2", "status"), None);
        await store.CompleteAsync(done.Entry!.Id, InboxOutcome.Processed, None);
        _db.Clock.Advance(TimeSpan.FromHours(25));

        var trimmed = await store.TrimAsync(_db.Clock.GetUtcNow() - TimeSpan.FromHours(24), None);
        var redelivered = await store.AcceptAsync(Entry("activity-1", "help"), None);

        Assert.Equal(1, trimmed);
        Assert.Equal([waiting.Entry!.Id, redelivered.Entry!.Id], (await store.ListUnfinishedAsync(None)).Select(e => e.Id));
    }

    [Fact]
    public async Task Of_instances_claiming_one_entry_at_once_exactly_one_gets_it()
    {
        var accepted = await NewStore().AcceptAsync(Entry("activity-1", "status"), None);
        var instances = Enumerable.Range(0, 4).Select(_ => NewStore()).ToList();

        var claims = await Task.WhenAll(instances.Select(store => Task.Run(() => store.MarkRunningAsync(accepted.Entry!.Id, None))));

        Assert.Single(claims, claimed => claimed);
        Assert.False(await NewStore().MarkRunningAsync(accepted.Entry!.Id, None));
        Assert.Equal(InboxEntryState.Running, Assert.Single(await NewStore().ListUnfinishedAsync(None)).State);
    }

    [Fact]
    public async Task Instances_accepting_the_same_redelivery_and_the_same_waiting_question_at_once_store_each_once()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => NewStore()).ToList();

        var redelivered = await Task.WhenAll(instances.Select(store => Task.Run(() => store.AcceptAsync(Entry("activity-1", "help"), None))));
        var repeated = await Task.WhenAll(instances.Select((store, i) => Task.Run(() => store.AcceptAsync(Entry($"activity-{10 + i}", "status", coalesce: "q-status"), None))));

        Assert.Single(redelivered, a => a.IsNew);
        Assert.Single(repeated, a => a.IsNew);
        Assert.Equal(2, (await NewStore().ListUnfinishedAsync(None)).Count);
    }

    private IInboxStore NewStore() => _db.NewInboxStore();

    private static NewInboxEntry Entry(string activityId, string text, string? coalesce = null, string conversation = "t1/a:personal-1") => new(
        "t1", conversation, InboxWorkKind.Message, $$"""{"type":"message","id":"{{activityId}}","text":"{{text}}"}""", IsLocal: false,
        Start, Start + TimeSpan.FromSeconds(1), DedupeKey: activityId, CoalesceKey: coalesce);
}

public sealed class SqliteInboxStoreTests() : InboxStoreTests(new TempDatabase());

public sealed class PostgreSqlInboxStoreTests() : InboxStoreTests(new TempPostgreSqlDatabase());
