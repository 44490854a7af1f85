using AdeBot.Domain.Alerts;
using AdeBot.Domain.GuidedFix;
using AdeBot.Domain.Health;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdeBot.Storage.Tests;

public abstract class GuidedFixStoreTests(TestStorage storage) : StoreTests(storage)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConversationKey Channel = new("contoso", "19:general@thread.tacv2");

    [Fact]
    public async Task A_fix_reads_back_as_saved_from_another_instance_on_the_same_file()
    {
        var (store, _) = await StoreAsync();
        var state = GuidedFixState.Start(Thread("1"), Token(), Now).Done(0, 6, Now.AddMinutes(1)).Stuck(Now.AddMinutes(2)).Verifying(true, Now.AddMinutes(3));
        await store.SaveAsync(state, CancellationToken.None);

        var (other, _) = await StoreAsync();

        Assert.Equal(state, await other.GetAsync(state.Key, CancellationToken.None));
    }

    [Fact]
    public async Task Each_thread_of_a_channel_has_its_own_fix_and_starting_another_in_a_thread_replaces_its_fix()
    {
        var (store, _) = await StoreAsync();
        await store.SaveAsync(GuidedFixState.Start(Thread("1"), Token(), Now), CancellationToken.None);
        await store.SaveAsync(GuidedFixState.Start(Thread("2"), Token(), Now), CancellationToken.None);
        var device = GuidedFixState.Start(Thread("1"), GuidedFixSubject.ForDevice("C02ZP4MNQR13", RemediationTopic.DeviceNotContacted), Now);

        await store.SaveAsync(device, CancellationToken.None);

        Assert.Equal(device, await store.GetAsync(Thread("1"), CancellationToken.None));
        Assert.Equal(RemediationTopic.AdeExpired, (await store.GetAsync(Thread("2"), CancellationToken.None))!.Subject.Topic);
    }

    [Fact]
    public async Task Removing_a_fix_an_idle_one_or_the_conversation_forgets_it()
    {
        var (store, alerts) = await StoreAsync();
        await store.SaveAsync(GuidedFixState.Start(Thread("1"), Token(), Now), CancellationToken.None);
        await store.SaveAsync(GuidedFixState.Start(Thread("2"), Token(), Now.AddHours(2)), CancellationToken.None);
        await store.SaveAsync(GuidedFixState.Start(Thread("3"), Token(), Now.AddHours(2)), CancellationToken.None);

        Assert.Equal(1, await store.RemoveIdleAsync(Now.AddHours(1), CancellationToken.None));
        await store.RemoveAsync(Thread("2"), CancellationToken.None);
        Assert.Null(await store.GetAsync(Thread("1"), CancellationToken.None));
        Assert.Null(await store.GetAsync(Thread("2"), CancellationToken.None));

        await alerts.RemoveAsync(Channel, CancellationToken.None);
        Assert.Null(await store.GetAsync(Thread("3"), CancellationToken.None));
    }

    private async Task<(IGuidedFixStore Store, IConversationStore Alerts)> StoreAsync()
    {
        var alerts = _db.NewStore();
        await alerts.UpsertConversationAsync(new StoredConversation(Channel.TenantId, Channel.ConversationId, "channel", "msteams", "https://smba.trafficmanager.net/amer/", "28:bot"),
            subscribeIfNew: true, CancellationToken.None);
        return (_db.NewGuidedFixStore(), alerts);
    }

    private static GuidedFixKey Thread(string root) => new(Channel, $"{Channel.ConversationId};messageid={root}");

    private static GuidedFixSubject Token() =>
        new(RemediationTopic.AdeExpired, "Contoso ABM") { TokenKind = TokenKind.Ade, TokenId = "ade-1", Problem = ProblemCode.Expired };
}

public sealed class SqliteGuidedFixStoreTests() : GuidedFixStoreTests(new TempDatabase());

public sealed class PostgreSqlGuidedFixStoreTests() : GuidedFixStoreTests(new TempPostgreSqlDatabase());
