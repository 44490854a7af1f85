using AdeBot.Domain.Inbox;
using AdeBot.Inbox;
using AdeBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Tests.Inbox;

/// The order in which accepted entries reach the workers: per conversation in turn, fair across
/// tenants and conversations, and on the injected clock for entries that must wait.
public sealed class InboxSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private long _nextId;

    [Fact]
    public async Task Entries_of_one_conversation_run_one_at_a_time_in_the_order_they_were_accepted()
    {
        using var scheduler = new InboxScheduler(_time);
        var first = Entry("t1", "c1");
        var second = Entry("t1", "c1");
        var third = Entry("t1", "c1");
        // Handed over out of order (a restart reloads, the accept path adds): the id decides.
        scheduler.Add(second);
        scheduler.Add(first);
        scheduler.Add(third);

        var taken = await scheduler.TakeAsync(TestTimeout.Token);
        var whileRunning = scheduler.TakeAsync(TestTimeout.Token);
        await Task.Yield();
        Assert.False(whileRunning.IsCompleted);

        scheduler.Complete(taken);
        var next = await whileRunning;
        scheduler.Complete(next);
        var last = await scheduler.TakeAsync(TestTimeout.Token);

        Assert.Equal([first.Id, second.Id, third.Id], [taken.Id, next.Id, last.Id]);
    }

    [Fact]
    public async Task A_flooding_tenant_takes_turns_with_the_others_instead_of_going_first()
    {
        using var scheduler = new InboxScheduler(_time);
        // Tenant A: one conversation with 50 waiting, and 10 more conversations; B and C one question each, accepted last.
        for (var i = 0; i < 50; i++) scheduler.Add(Entry("A", "flood"));
        for (var i = 0; i < 10; i++) scheduler.Add(Entry("A", $"a{i}"));
        var fromB = Entry("B", "b");
        var fromC = Entry("C", "c");
        scheduler.Add(fromB);
        scheduler.Add(fromC);

        // Four workers take, run and complete one entry each, in rounds.
        List<InboxEntry> order = [];
        for (var round = 0; round < 3; round++)
        {
            List<InboxEntry> running = [];
            for (var worker = 0; worker < 4; worker++) running.Add(await scheduler.TakeAsync(TestTimeout.Token));
            order.AddRange(running);
            running.ForEach(scheduler.Complete);
        }

        // B and C are served in the first round, and the flood holds at most one worker in any round.
        Assert.Contains(fromB, order.Take(4));
        Assert.Contains(fromC, order.Take(4));
        Assert.All(order.Chunk(4), roundOf => Assert.True(roundOf.Count(e => e.ConversationKey == "flood") <= 1));
    }

    [Fact]
    public async Task An_entry_that_must_wait_waits_on_the_clock_without_holding_up_its_conversation()
    {
        using var scheduler = new InboxScheduler(_time);
        var later = Entry("t1", "c1", notBefore: Start + TimeSpan.FromSeconds(2));
        var now = Entry("t1", "c1");
        scheduler.Add(later);
        scheduler.Add(now);

        var first = await scheduler.TakeAsync(TestTimeout.Token);
        scheduler.Complete(first);
        var second = scheduler.TakeAsync(TestTimeout.Token);
        await Task.Yield();
        var waitedWithoutTheClock = second.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(now.Id, first.Id);
        Assert.False(waitedWithoutTheClock);
        Assert.Equal(later.Id, (await second).Id);
    }

    [Fact]
    public async Task An_entry_handed_over_twice_runs_once()
    {
        using var scheduler = new InboxScheduler(_time);
        var entry = Entry("t1", "c1");
        scheduler.Add(entry);
        scheduler.Add(entry);

        var taken = await scheduler.TakeAsync(TestTimeout.Token);
        scheduler.Complete(taken);
        var again = scheduler.TakeAsync(TestTimeout.Token);
        await Task.Yield();

        Assert.Equal(entry.Id, taken.Id);
        Assert.False(again.IsCompleted);
        Assert.Equal(0, scheduler.Waiting);
    }

    private InboxEntry Entry(string tenant, string conversation, DateTimeOffset? notBefore = null) => new(
        ++_nextId, tenant, conversation, InboxWorkKind.Message, "{}", IsLocal: true, Start, notBefore ?? Start, InboxEntryState.Pending);
}
