using AdeBot.Testing;
using AdeBot.Alerts;
using AdeBot.Domain.Alerts;
using AdeBot.Tests.Infrastructure;

namespace AdeBot.Tests.Conversations;

/// A Teams channel sends each thread's messages with `;messageid=<root>` on the channel's id. The
/// bot keeps one conversation per channel: one subscription, one alert per check, posted in the
/// channel itself, while each answer still lands in the thread that asked.
public sealed class ChannelThreadConversationTests(SampleBotHost host) : IClassFixture<SampleBotHost>
{
    [Fact]
    public async Task Two_threads_of_a_channel_are_one_stored_conversation_that_gets_one_alert_in_the_channel()
    {
        var first = new TeamsChat(host, ChatScope.Channel);
        var second = first.InThread("1700000000002");
        var store = host.Get<ISubscriptionStore>();
        var inFirst = first.MessageMentioningBot("are my ADE tokens healthy?");
        var inSecond = second.MessageMentioningBot("are my ADE tokens healthy?");

        await first.PostAcceptedAsync(inFirst);
        await second.PostAcceptedAsync(inSecond);
        await first.SettleAsync();
        await second.SettleAsync();
        var watched = await store.ListActiveByTenantAsync(TestTimeout.Token);
        await host.Get<AlertCheck>().RunAsync(TestTimeout.Token);

        // Each thread's question is answered in that thread.
        Assert.NotEmpty(first.RepliesTo(inFirst));
        Assert.NotEmpty(second.RepliesTo(inSecond));
        Assert.All(second.RepliesTo(inSecond), reply => Assert.Equal(second.ConversationId, (string?)reply.Json["conversation"]?["id"]));
        var stored = Assert.Single(watched.SelectMany(t => t.Subscriptions),
            s => s.Conversation.ConversationId.StartsWith(first.StoredConversationId, StringComparison.Ordinal));
        Assert.Equal(first.Key, stored.Key);
        Assert.Single(first.ProactiveMessages());
        // Nothing proactive went into either thread.
        Assert.DoesNotContain(host.Connector.Requests, r => r.RawTarget == first.ConversationPath || r.RawTarget == second.ConversationPath);
    }

    [Fact]
    public async Task Unsubscribing_in_one_thread_stops_the_alerts_of_the_whole_channel()
    {
        var first = new TeamsChat(host, ChatScope.Channel);
        var second = first.InThread("1700000000003");
        await first.SayAsync("hello");

        await second.SendAsync(second.MessageMentioningBot("unsubscribe"));
        var stored = await host.Get<ISubscriptionStore>().GetAsync(first.Key, TestTimeout.Token);
        await host.Get<AlertCheck>().RunAsync(TestTimeout.Token);

        Assert.False(stored!.Active);
        Assert.Empty(first.ProactiveMessages());
    }

    [Fact]
    public async Task An_install_announced_again_from_a_thread_welcomes_the_channel_once()
    {
        var channel = new TeamsChat(host, ChatScope.Channel);
        var thread = channel.InThread("1700000000004");

        var welcomed = await channel.SendAsync(channel.InstallationUpdate("add"));
        var again = await thread.SendAsync(thread.BotMembershipUpdate(added: true));

        Assert.Single(welcomed);
        Assert.Empty(again);
    }
}
