using System.Text.Json.Nodes;
using AdeBot.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Inventory;
using AdeBot.Testing;
using AdeBot.Tests.Infrastructure;
using System.Globalization;

namespace AdeBot.Tests.Conversations;

/// Access:GroupConversations through POST /api/messages: in a channel or group chat every member
/// sees the cards, so summaryOnly shows counts and deny points to a personal chat; a personal chat
/// always gets the full answer.
public sealed class GroupConversationTests
{
    private static readonly JsonNode DetailsClick = JsonNode.Parse(
        """{ "action": { "type": "Action.Execute", "verb": "details", "data": { "verb": "details", "tokenId": "0b8f6c1e-0004-4a52-9d7e-5a3b1e000004", "tokenKind": "ade" } } }""")!;

    private static async Task<AdeBotHost> StartAsync(string? mode)
    {
        var host = new AdeBotHost(mode is null ? null : new Dictionary<string, string?> { ["Access:GroupConversations"] = mode });
        await host.InitializeAsync();
        return host;
    }

    /// What only a full answer shows: Apple IDs (the sample's are all at contoso.example) and the tenant id.
    private static void AssertCountsOnly(string json)
    {
        Assert.DoesNotContain("@contoso.example", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(SampleTenant.TenantId, json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Action.Execute", json, StringComparison.Ordinal);
        Assert.Contains("personal chat", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ChatScope.Channel)]
    [InlineData(ChatScope.GroupChat)]
    public async Task SummaryOnly_answers_a_question_and_a_click_in_a_group_with_counts_only(ChatScope scope)
    {
        await using var host = await StartAsync("summaryOnly");
        var chat = new TeamsChat(host, scope);

        var replies = await chat.SendAsync(chat.MessageMentioningBot("are my ADE tokens healthy?"));
        var invoked = await chat.InvokeAsync(DetailsClick);

        var card = Assert.Single(replies, r => r.HasCard);
        AssertCountsOnly(card.Card.ToJsonString());
        Assert.DoesNotContain("@contoso.example", card.Summary ?? "", StringComparison.OrdinalIgnoreCase);
        AssertCountsOnly(invoked.Card.ToJsonString());
    }

    [Fact]
    public async Task SummaryOnly_still_lets_a_channel_mute_its_alerts_and_ask_for_help()
    {
        await using var host = await StartAsync("summaryOnly");
        var chat = new TeamsChat(host, ChatScope.Channel);

        var help = await chat.SendAsync(chat.MessageMentioningBot("help"));
        await chat.SendAsync(chat.MessageMentioningBot("unsubscribe"));
        var stored = await host.Get<AdeBot.Domain.Alerts.ISubscriptionStore>().GetAsync(chat.Key, AdeBot.Testing.TestTimeout.Token);

        Assert.Contains(help, r => r.HasCard && r.Card.ToJsonString().Contains("are my ADE tokens healthy?", StringComparison.Ordinal));
        Assert.False(stored!.Active);
    }

    [Theory]
    [InlineData(ChatScope.Channel)]
    [InlineData(ChatScope.GroupChat)]
    public async Task Deny_answers_a_group_with_a_refusal_that_points_to_a_personal_chat(ChatScope scope)
    {
        await using var host = await StartAsync("deny");
        var chat = new TeamsChat(host, scope);
        var denied = ChatReplies.GroupDenied(CultureInfo.GetCultureInfo(chat.Locale));

        var first = await chat.SendAsync(chat.MessageMentioningBot("are my ADE tokens healthy?"));
        var second = await chat.SendAsync(chat.MessageMentioningBot("what expires soon?"));
        var invoked = await chat.InvokeAsync(DetailsClick);

        // Through the same reply limiter as any refusal (Access:RefusalReplyIntervalSeconds, 0 here).
        Assert.Equal(denied, Assert.Single(first).Text);
        Assert.Equal(denied, Assert.Single(second).Text);
        Assert.Equal(denied, invoked.Message);
    }

    [Fact]
    public async Task Deny_sends_no_alerts_to_a_channel_and_summaryOnly_sends_counts_only()
    {
        foreach (var mode in new[] { "deny", "summaryOnly" })
        {
            await using var host = await StartAsync(mode);
            var channel = new TeamsChat(host, ChatScope.Channel);
            await channel.SendAsync(channel.InstallationUpdate("add"));

            await host.Get<AlertCheck>().RunAsync(TestTimeout.Token);

            var alerts = channel.ProactiveMessages();
            if (mode == "deny")
            {
                Assert.Empty(alerts);
                continue;
            }
            var alert = Assert.Single(alerts);
            AssertCountsOnly(alert.Card.ToJsonString());
            Assert.DoesNotContain("@contoso.example", alert.Summary ?? "", StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(null, ChatScope.Channel)]
    [InlineData("allow", ChatScope.GroupChat)]
    [InlineData("summaryOnly", ChatScope.Personal)]
    [InlineData("deny", ChatScope.Personal)]
    public async Task Allow_and_personal_chats_get_the_full_answer(string? mode, ChatScope scope)
    {
        await using var host = await StartAsync(mode);
        var chat = new TeamsChat(host, scope);

        var replies = await chat.SendAsync(chat.MessageMentioningBot("are my ADE tokens healthy?"));
        var invoked = await chat.InvokeAsync(DetailsClick);

        Assert.True(replies.Count(r => r.HasCard) > 1, "the summary and the failing tokens' cards");
        Assert.Contains(replies, r => r.HasCard && r.Card.ToJsonString().Contains("@contoso.example", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("@contoso.example", invoked.Card.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }
}
