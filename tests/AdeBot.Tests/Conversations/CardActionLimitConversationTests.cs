using System.Text.Json.Nodes;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Localization;
using AdeBot.Tests.Infrastructure;
using static AdeBot.Tests.Conversations.ConversationAssert;
using static AdeBot.Tests.Infrastructure.CardReading;

namespace AdeBot.Tests.Conversations;

/// The bot with a limit of three card clicks per user and minute.
public sealed class ThreeClicksBotHost() : AdeBotHost(new Dictionary<string, string?> { ["Access:CardActionsPerUserPerMinute"] = "3" });

public sealed class CardActionLimitConversationTests(ThreeClicksBotHost host) : IClassFixture<ThreeClicksBotHost>
{
    [Fact]
    public async Task F5_clicks_over_the_per_user_limit_get_a_short_slow_down_both_ways_and_read_nothing()
    {
        const string user = "5b000000-0000-0000-0000-0000000000c1";
        var chat = new TeamsChat(host, locale: "fi-FI", userAadObjectId: user);
        var slowDown = ChatReplies.SlowDown(SupportedCultures.Resolve("fi-FI"));

        List<string?> within = [];
        for (var click = 0; click < 3; click++) within.Add((await chat.InvokeAsync(Execute(CardVerbs.Help))).Card is { } card ? TextBlocks(card)[0] : null);
        var overByInvoke = await chat.InvokeAsync(Execute(CardVerbs.CheckNow));
        var overBySubmit = await chat.SendAsync(chat.Submit(new JsonObject { ["verb"] = CardVerbs.CheckNow }));
        var colleague = await new TeamsChat(host, locale: "en-US", userAadObjectId: "5b000000-0000-0000-0000-0000000000c2").InvokeAsync(Execute(CardVerbs.Help));

        Assert.All(within, heading => Assert.Equal("Mitä voit kysyä", heading));
        Assert.Equal(200, overByInvoke.StatusCode);
        Assert.Equal(slowDown, overByInvoke.Message);
        // No typing indicator and no health answer: the tokens were not read.
        Assert.Empty(overByInvoke.Posted);
        Assert.Equal(slowDown, IsText(Assert.Single(overBySubmit)));
        Assert.Equal("What you can ask", TextBlocks(IsCard15(colleague.Card))[0]);
    }

    private static JsonObject Execute(string verb) => new()
    {
        ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = new JsonObject { ["verb"] = verb } },
        ["trigger"] = "manual",
    };
}
