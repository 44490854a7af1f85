using System.Net;
using System.Text.Json.Nodes;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Inbox;
using AdeBot.Storage;
using AdeBot.Testing;
using AdeBot.Testing.Connector;
using AdeBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using static AdeBot.Tests.Conversations.ConversationAssert;

namespace AdeBot.Tests.Inbox;

/// Accepted means done, eventually: through the real Program, with the inbox on a database file.
public sealed class DurableInboxTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("adebot-inbox-").FullName;
    private FakeConnectorServer _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnectorServer.StartHttpAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private AdeBotHost Host(params (string Key, string? Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["Storage:DataPath"] = _data };
        foreach (var (key, value) in settings) all[key] = value;
        return new AdeBotHost(all, connector: _connector);
    }

    [Fact]
    public async Task A_burst_of_installs_and_messages_is_each_answered_exactly_once()
    {
        const int Conversations = 500;
        await using var host = Host(("Inbox:Workers", "4"));
        await host.InitializeAsync();
        var chats = Enumerable.Range(0, Conversations).Select(_ => new TeamsChat(host)).ToList();
        var posted = chats.Select(chat => (chat, install: chat.InstallationUpdate("add"), message: chat.Message("thanks"))).ToList();

        await Parallel.ForEachAsync(posted, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (p, _) =>
        {
            await p.chat.PostAcceptedAsync(p.install);
            await p.chat.PostAcceptedAsync(p.message);
        });
        await TeamsChat.WaitForAsync(() => _connector.Requests.Count >= 2 * Conversations, "a reply to every install and message");
        await chats[0].SettleAsync();

        Assert.All(posted, p =>
        {
            IsCard(Assert.Single(p.chat.RepliesTo(p.install)));
            IsText(Assert.Single(p.chat.RepliesTo(p.message)));
        });
        var subscribed = await host.Get<ISubscriptionStore>().ListActiveByTenantAsync(TestTimeout.Token);
        Assert.Equal(Conversations, subscribed.Sum(t => t.Subscriptions.Count));
        await EveryEntryFinishedAsync(host);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_burst_loses_no_install_and_greets_none_twice()
    {
        const int Installs = 300;
        // One worker and a slow connector: the burst is accepted long before it is worked off.
        _connector.ResponseDelay = TimeSpan.FromMilliseconds(40);
        var first = Host(("Inbox:Workers", "1"));
        await first.InitializeAsync();
        var chats = Enumerable.Range(0, Installs).Select(_ => new TeamsChat(first)).ToList();
        var installs = chats.Select(chat => (chat, install: chat.InstallationUpdate("add"))).ToList();
        await Parallel.ForEachAsync(installs, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (p, _) => await p.chat.PostAcceptedAsync(p.install));

        await first.DisposeAsync();
        var greetedBeforeRestart = _connector.Requests.Count;
        _connector.ResponseDelay = TimeSpan.Zero;
        await using var second = Host(("Inbox:Workers", "4"));
        await second.InitializeAsync();
        await TeamsChat.WaitForAsync(() => _connector.Requests.Count >= Installs, "a welcome for every install");
        await new TeamsChat(second).SettleAsync();

        Assert.InRange(greetedBeforeRestart, 0, Installs - 1);
        Assert.All(installs, p => IsCard(Assert.Single(p.chat.RepliesTo(p.install))));
        await EveryEntryFinishedAsync(second);
    }

    [Fact]
    public async Task After_a_crash_accepted_work_is_done_and_a_message_cut_off_mid_turn_is_reported_once_not_answered_again()
    {
        // What a process that died left in the inbox: one message accepted and never started, one
        // message and one install that were running.
        await using var restarted = Host();
        var chat = new TeamsChat(restarted);
        var waiting = chat.Message("thanks");
        var cutOff = chat.Message("are my ADE tokens healthy?");
        var installChat = new TeamsChat(restarted);
        var install = installChat.InstallationUpdate("add");
        var store = new SqliteInboxStore(
            new AlertDatabase(new StorageOptions { DataPath = _data }.ResolveConnectionString(_data), TimeProvider.System, NullLogger<AlertDatabase>.Instance),
            TimeProvider.System);
        await AcceptAsync(store, chat, InboxWorkKind.Message, cutOff, running: true);
        await AcceptAsync(store, chat, InboxWorkKind.Message, waiting, running: false);
        await AcceptAsync(store, installChat, InboxWorkKind.Install, install, running: true);

        await restarted.InitializeAsync();
        await chat.SettleAsync();
        await installChat.SettleAsync();

        Assert.Equal("I was restarted while answering your last message and could not finish it. Please ask again.",
            IsText(Assert.Single(chat.RepliesTo(cutOff))));
        Assert.Equal("You’re welcome!", IsText(Assert.Single(chat.RepliesTo(waiting))));
        IsCard(Assert.Single(installChat.RepliesTo(install)));
        await EveryEntryFinishedAsync(restarted);
    }

    [Fact]
    public async Task Messages_of_one_conversation_are_answered_in_the_order_they_arrived_even_with_many_workers()
    {
        await using var host = Host(("Inbox:Workers", "4"));
        await host.InitializeAsync();
        var chat = new TeamsChat(host);
        var messages = Enumerable.Range(1, 12).Select(code => chat.Message($"what does error {code} mean?")).ToList();

        foreach (var message in messages) await chat.PostAcceptedAsync(message);
        await chat.SettleAsync();

        var answeredInOrder = _connector.Requests.Select(r => messages.FindIndex(m => r.RawTarget.EndsWith(Uri.EscapeDataString((string)m["id"]!), StringComparison.Ordinal)))
            .Where(index => index >= 0).ToList();
        Assert.Equal(Enumerable.Range(0, 12), answeredInOrder);
    }

    [Fact]
    public async Task A_conversation_whose_replies_are_throttled_does_not_hold_up_another_tenant()
    {
        await using var host = Host(("Inbox:Workers", "2"), ("Bot:InteractiveReplyMaxWaitSeconds", "1"));
        await host.InitializeAsync();
        var flooding = new TeamsChat(host);
        var other = new TeamsChat(host, tenantId: "7e000000-0000-0000-0000-0000000000b7");
        _connector.Rule = request => request.RawTarget.StartsWith(flooding.ConversationPath, StringComparison.Ordinal)
            ? new ScriptedResponse(429, RetryAfter: "1")
            : null;
        var flood = Enumerable.Range(1, 30).Select(i => flooding.Message($"what does error {i} mean?")).ToList();
        foreach (var message in flood) await flooding.PostAcceptedAsync(message);

        var question = other.Message("thanks");
        await other.PostAcceptedAsync(question);
        await TeamsChat.WaitForAsync(() => other.RepliesTo(question).Count > 0, "the other tenant's answer");
        var floodAttempted = flood.Count(m => flooding.RepliesTo(m).Count > 0);

        // Each throttled reply gives up within its one-second budget, and the flood holds one worker.
        Assert.InRange(floodAttempted, 0, 5);
        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(other.Message("help"))).StatusCode);
    }

    /// A turn's last reply arrives just before its entry is marked done, so this waits (bounded) for the mark.
    private static Task EveryEntryFinishedAsync(AdeBotHost host) =>
        TeamsChat.WaitForAsync(async () => (await host.Get<IInboxStore>().ListUnfinishedAsync(TestTimeout.Token)).Count == 0,
            "every inbox entry to be marked done");

    private static async Task AcceptAsync(SqliteInboxStore store, TeamsChat chat, InboxWorkKind kind, JsonObject activity, bool running)
    {
        var accepted = await store.AcceptAsync(new NewInboxEntry(
            chat.TenantId, $"{chat.TenantId}/{chat.StoredConversationId}", kind, activity.ToJsonString(), IsLocal: true,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, DedupeKey: (string?)activity["id"]), TestTimeout.Token);
        if (running) await store.MarkRunningAsync(accepted.Entry!.Id, TestTimeout.Token);
    }
}
