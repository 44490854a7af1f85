using AdeBot.Testing;
using System.Text.Json.Nodes;
using AdeBot.Alerts;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Tests.Infrastructure;
using static AdeBot.Tests.Conversations.ConversationAssert;
using static AdeBot.Tests.Infrastructure.CardReading;

namespace AdeBot.Tests.Conversations;

/// Installing and uninstalling AdeBot, as Teams announces it: an installationUpdate and, for the
/// same install, a conversationUpdate with the bot among the members added.
public sealed class InstallConversationTests(SampleBotHost host) : IClassFixture<SampleBotHost>
{
    [Theory]
    [InlineData(ChatScope.Personal, "en-US", "Hi, I’m AdeBot")]
    [InlineData(ChatScope.Personal, "fi-FI", "Hei, olen AdeBot")]
    [InlineData(ChatScope.GroupChat, "uk-UA", "Вітаю, я AdeBot")]
    [InlineData(ChatScope.Channel, "en-US", "Hi, I’m AdeBot")]
    public async Task An_install_is_welcomed_once_although_Teams_announces_it_twice(ChatScope scope, string locale, string welcome)
    {
        var chat = new TeamsChat(host, scope, locale: locale);
        var installation = chat.InstallationUpdate("add");
        var membership = chat.BotMembershipUpdate(added: true);

        await chat.PostAcceptedAsync(installation);
        await chat.PostAcceptedAsync(membership);
        await chat.SettleAsync();

        var card = IsCard(Assert.Single(chat.RepliesTo(installation)));
        Assert.Equal(welcome, TextBlocks(card)[0]);
        Assert.Empty(chat.RepliesTo(membership));
        // Installing subscribes the conversation, and the welcome card offers to turn alerts off.
        Assert.Single(Executes(card, CardVerbs.Unsubscribe));
        var stored = await host.Get<ISubscriptionStore>().GetAsync(chat.Key, TestTimeout.Token);
        Assert.True(stored!.Active);
        Assert.Equal(host.ServiceUrl, stored.Conversation.ServiceUrl);
    }

    [Fact]
    public async Task When_the_conversationUpdate_comes_first_the_installationUpdate_brings_no_second_welcome()
    {
        var chat = new TeamsChat(host);
        var membership = chat.BotMembershipUpdate(added: true);
        var installation = chat.InstallationUpdate("add");

        await chat.PostAcceptedAsync(membership);
        await chat.PostAcceptedAsync(installation);
        await chat.SettleAsync();

        IsCard(Assert.Single(chat.RepliesTo(membership)));
        Assert.Empty(chat.RepliesTo(installation));
    }

    [Fact]
    public async Task A_conversationUpdate_without_locale_that_comes_first_still_welcomes_in_the_users_language()
    {
        var chat = new TeamsChat(host, locale: "fi-FI");
        var membership = chat.BotMembershipUpdate(added: true);
        membership.Remove("locale");
        var installation = chat.InstallationUpdate("add");

        await chat.PostAcceptedAsync(membership);
        await chat.PostAcceptedAsync(installation);
        await chat.SettleAsync();
        // The locale-less announcement is handled after a grace period; wait it out before counting.
        await Task.Delay(TimeSpan.FromSeconds(3), TestTimeout.Token);
        await chat.SettleAsync();

        var card = IsCard(Assert.Single(chat.RepliesTo(installation)));
        Assert.Equal("Hei, olen AdeBot", TextBlocks(card)[0]);
        Assert.Empty(chat.RepliesTo(membership));
    }

    [Fact]
    public async Task Someone_else_joining_a_group_chat_is_not_an_install()
    {
        var chat = new TeamsChat(host, ChatScope.GroupChat);
        var joined = chat.Activity("conversationUpdate");
        joined["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:1someone-else", ["aadObjectId"] = "5b000000-0000-0000-0000-0000000000b2" });

        var replies = await chat.SendAsync(joined);

        Assert.Empty(replies);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_uninstall_forgets_the_conversation_so_alerts_no_longer_go_to_it(bool announcedAsMembership)
    {
        var chat = new TeamsChat(host, announcedAsMembership ? ChatScope.Channel : ChatScope.Personal);
        var store = host.Get<ISubscriptionStore>();
        await chat.SendAsync(chat.InstallationUpdate("add"));
        var installed = await store.GetAsync(chat.Key, TestTimeout.Token);

        await chat.PostAcceptedAsync(announcedAsMembership ? chat.BotMembershipUpdate(added: false) : chat.InstallationUpdate("remove"));
        var removed = await store.GetAsync(chat.Key, TestTimeout.Token);
        var watched = await store.ListActiveByTenantAsync(TestTimeout.Token);
        await host.Get<AlertCheck>().RunAsync(TestTimeout.Token);

        Assert.NotNull(installed);
        Assert.Null(removed);
        Assert.DoesNotContain(watched.SelectMany(t => t.Subscriptions), s => s.Key == chat.Key);
        Assert.Empty(chat.ProactiveMessages());
    }
}

/// Teams posts the two install announcements together, and with several background turns at once
/// (the default) they are handled side by side.
public sealed class ConcurrentTurnsBotHost() : AdeBotHost(new Dictionary<string, string?> { ["Inbox:Workers"] = "4" });

public sealed class SimultaneousInstallTests(ConcurrentTurnsBotHost host) : IClassFixture<ConcurrentTurnsBotHost>
{
    [Fact]
    public async Task Installs_announced_twice_at_the_same_moment_are_each_welcomed_once()
    {
        List<TeamsChat> chats = [.. Enumerable.Range(0, 20).Select(_ => new TeamsChat(host))];

        await Task.WhenAll(chats.SelectMany(chat => new[]
        {
            chat.PostAcceptedAsync(chat.InstallationUpdate("add")),
            chat.PostAcceptedAsync(chat.BotMembershipUpdate(added: true)),
        }));
        await TeamsChat.WaitForAsync(() => chats.All(c => WelcomesIn(c) >= 1), "a welcome in every chat");
        // A follow-up in every chat: whatever was still running when the first welcomes arrived has
        // started before these and, in practice, ends before they are answered.
        await Task.WhenAll(chats.Select(c => c.SettleAsync()));

        Assert.All(chats, chat => Assert.Equal(1, WelcomesIn(chat)));
    }

    private int WelcomesIn(TeamsChat chat) =>
        host.Connector.Requests.Count(r => r.RawTarget.StartsWith(chat.ConversationPath + "/", StringComparison.Ordinal)
            && new PostedActivity(r).HasCard);
}
