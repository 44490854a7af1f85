using AdeBot.Testing;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Localization;
using AdeBot.Tests.Infrastructure;
using static AdeBot.Tests.Conversations.ConversationAssert;
using static AdeBot.Tests.Infrastructure.CardReading;

namespace AdeBot.Tests.Conversations;

/// A tenant at Intune's limit: 2,000 ADE tokens, all failing.
public sealed class TwoThousandFailingTokensBotHost() : ReplayBotHost(GraphReplays.FailingAdeTokens(2_000, TimeProvider.System.GetUtcNow()));

/// Teams rejects messages near 100 KB and Microsoft recommends staying under 80 KB, measured in
/// UTF-16. Every activity the bot posts, whatever it answers, must stay under that.
public sealed class MessageSizeConversationTests(TwoThousandFailingTokensBotHost host) : IClassFixture<TwoThousandFailingTokensBotHost>
{
    private const int MaxActivityUtf16Bytes = 80_000;

    [Theory]
    [InlineData("en-US", "are my ADE tokens healthy?", "Apple token health", "Tokens that need attention: 1–", "Show more")]
    [InlineData("uk-UA", "чи все гаразд з маркерами ADE?", "Стан маркерів Apple", "Маркери, що потребують уваги: 1–", "Показати більше")]
    public async Task The_health_answer_shows_the_worst_twenty_in_activities_under_80_KB_and_offers_the_rest(
        string locale, string question, string heading, string firstPageTitle, string showMore)
    {
        var chat = new TeamsChat(host, locale: locale);

        var replies = await chat.SayAsync(question);

        AllUnder80KB(replies);
        var (summary, tokenCards) = IsHealthAnswer(replies, heading);
        Assert.Contains(2_000.ToString("N0", SupportedCultures.Resolve(locale)), replies[1].Summary!);
        Assert.StartsWith(firstPageTitle, TextBlocks(tokenCards[0])[0]);
        Assert.Equal(CardComposer.TokensPerPage, tokenCards.Sum(card => Executes(card, CardVerbs.Details).Count));
        // One "Show more", on the last card, asking for the page after these twenty.
        Assert.Single(tokenCards.SelectMany(card => Executes(card, CardVerbs.ShowMore)));
        var more = Assert.Single(Executes(tokenCards[^1], CardVerbs.ShowMore));
        Assert.Equal(showMore, (string?)more["title"]);
        Assert.Equal(CardComposer.TokensPerPage, (int?)more["data"]!["skip"]);
        Assert.Contains(2_000.ToString("N0", SupportedCultures.Resolve(locale)), AllText(summary));
    }

    [Fact]
    public async Task Show_more_pages_on_under_80_KB_by_invoke_and_by_submit()
    {
        var chat = new TeamsChat(host);
        var first = await chat.SayAsync("are my ADE tokens healthy?");
        var more = Executes(first[^1].Card, CardVerbs.ShowMore).Single();

        var second = (await chat.InvokeAsync(TeamsChat.ExecuteValue(more))).Posted;
        var moreAgain = Executes(second[^1].Card, CardVerbs.ShowMore).Single();
        var third = await chat.SendAsync(chat.Submit(moreAgain["fallback"]!["data"]!));

        AllUnder80KB([.. second, .. third]);
        Assert.StartsWith("Tokens that need attention: 21–", TextBlocks(second[1].Card)[0]);
        Assert.StartsWith("Tokens that need attention: 41–", TextBlocks(third[1].Card)[0]);
        Assert.Equal(60, (int?)Executes(third[^1].Card, CardVerbs.ShowMore).Single()["data"]!["skip"]);
    }

    [Theory]
    [InlineData("what expires in the next 3650 days")]
    [InlineData("details for Contoso Oy")]
    public async Task Long_lists_and_details_stay_under_80_KB(string question)
    {
        var chat = new TeamsChat(host);

        var replies = await chat.SayAsync(question);

        AllUnder80KB(replies);
        Assert.Contains(replies, r => r.HasCard);
    }

    [Fact]
    public async Task An_alert_for_two_thousand_new_findings_stays_under_80_KB()
    {
        var chat = new TeamsChat(host, locale: "fi-FI");
        await chat.SayAsync("moi");

        await host.Get<AdeBot.Alerts.AlertCheck>().RunAsync(TestTimeout.Token);

        var alert = Assert.Single(chat.ProactiveMessages());
        AllUnder80KB([alert]);
        Assert.NotEmpty(Executes(IsCard(alert), CardVerbs.Snooze));
    }

    private static void AllUnder80KB(IReadOnlyList<PostedActivity> activities)
    {
        Assert.NotEmpty(activities);
        Assert.All(activities, a => Assert.True(a.Utf16Bytes < MaxActivityUtf16Bytes, $"{a.Utf16Bytes} bytes in UTF-16: {a.Request.RawTarget}"));
    }
}
