using AdeBot.Domain.Cards;
using AdeBot.Domain.Localization;
using AdeBot.Tests.Infrastructure;
using static AdeBot.Tests.Conversations.ConversationAssert;

namespace AdeBot.Tests.Conversations;

/// Only AllowListBotHost.AllowedTenant is served, and a refused user is told once an hour.
public sealed class RefusalLimitBotHost() : AdeBotHost(new Dictionary<string, string?>
{
    ["Access:AllowedTenantIds:0"] = AllowListBotHost.AllowedTenant,
    ["Access:RefusalReplyIntervalSeconds"] = "3600",
    ["Logging:LogLevel:AdeBot.Conversations"] = "Debug",
});

public sealed class RefusalLimitConversationTests(RefusalLimitBotHost host) : IClassFixture<RefusalLimitBotHost>
{
    private const int RefusalNotAnswered = 4006;

    [Fact]
    public async Task F3_a_refused_user_gets_one_refusal_reply_per_interval_and_the_rest_are_silent()
    {
        const string outsider = "33333333-3333-3333-3333-333333333333";
        var chat = new TeamsChat(host, tenantId: outsider, locale: "uk-UA", userAadObjectId: "5b000000-0000-0000-0000-0000000000d1");
        var colleague = new TeamsChat(host, tenantId: outsider, userAadObjectId: "5b000000-0000-0000-0000-0000000000d2");
        var messages = Enumerable.Range(0, 3).Select(i => chat.Message($"статус {i}")).ToList();

        foreach (var message in messages) await chat.PostAcceptedAsync(message);
        var colleagueMessage = colleague.Message("status");
        await colleague.PostAcceptedAsync(colleagueMessage);
        await TeamsChat.WaitForAsync(() => host.Logs.WithEventId(RefusalNotAnswered).Count >= 2 && colleague.RepliesTo(colleagueMessage).Count > 0,
            "two silent refusals and the colleague's refusal");

        Assert.Equal(ChatReplies.Refusal(SupportedCultures.Resolve("uk-UA")), IsText(Assert.Single(chat.RepliesTo(messages[0]))));
        Assert.All(messages.Skip(1), m => Assert.Empty(chat.RepliesTo(m)));
        Assert.Equal(ChatReplies.Refusal(SupportedCultures.Resolve("en-US")), IsText(Assert.Single(colleague.RepliesTo(colleagueMessage))));
        Assert.Equal(2, host.Logs.WithEventId(RefusalNotAnswered).Count);
        Assert.All(host.Logs.WithEventId(RefusalNotAnswered), e => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, e.Level));
    }
}
