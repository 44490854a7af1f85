using System.Globalization;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Health;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;
using AdeBot.Inventory;
using AdeBot.Testing;
using AdeBot.Testing.Connector;
using AdeBot.Tests.Infrastructure;
using static AdeBot.Tests.Conversations.ConversationAssert;
using static AdeBot.Tests.Infrastructure.CardReading;

namespace AdeBot.Tests.Conversations;

/// A conversation's memory on the injected clock: kept while the conversation goes on, forgotten
/// after Conversations:ContextMinutes without a message.
public sealed class FollowUpIdleTests(FakeClockBotHost host) : IClassFixture<FakeClockBotHost>
{
    [Theory]
    [InlineData("en-US", "the second one")]
    [InlineData("fi-FI", "toinen")]
    [InlineData("uk-UA", "другий")]
    public async Task A_follow_up_within_the_idle_time_is_answered_and_after_it_gets_what_to_ask_first(string locale, string second)
    {
        var chat = new TeamsChat(host, locale: locale);
        await chat.SayAsync("status");

        host.Clock.Advance(TimeSpan.FromMinutes(59));
        var justInTime = await chat.SayAsync(second);
        host.Clock.Advance(TimeSpan.FromMinutes(60));
        var tooLate = await chat.SayAsync(second);

        IsCard(Assert.Single(justInTime, r => r.HasCard));
        Assert.Equal(FollowUpReplies.NoContext(CultureInfo.GetCultureInfo(locale)), IsText(Assert.Single(tooLate)));
    }
}

/// The memory is in the database: a restarted host (same file) still follows up.
public sealed class FollowUpRestartTests : IAsyncLifetime
{
    private readonly TempFolder _data = new("adebot-followup-");
    private FakeConnectorServer _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnectorServer.StartHttpAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        _data.Dispose();
    }

    private AdeBotHost Host() => new(new Dictionary<string, string?> { ["Storage:DataPath"] = _data.Path }, connector: _connector);

    [Fact]
    public async Task After_a_restart_how_do_I_fix_it_still_means_the_token_asked_about_before()
    {
        TeamsChat chat;
        await using (var first = Host())
        {
            await first.InitializeAsync();
            chat = new TeamsChat(first, locale: "fi-FI");
            await chat.SayAsync("entä Oulu?");
        }

        await using var restarted = Host();
        await restarted.InitializeAsync();
        var again = new TeamsChat(restarted, chat);
        var replies = await again.SayAsync("miten korjaan sen?");

        var reading = await restarted.Get<ITokenInventory>().ReadAsync(SampleTenant.TenantId, TestTimeout.Token);
        var oulu = restarted.Get<HealthEvaluator>().Evaluate(reading.Snapshot!).Tokens.Single(t => t.Name == "Contoso ABM – Oulu");
        var remedy = restarted.Get<RemediationCatalog>().For(oulu, oulu.Problems[0], CultureInfo.GetCultureInfo("fi-FI"));
        var card = IsCard(Assert.Single(replies, r => r.HasCard));
        Assert.Equal(remedy.Title, TextBlocks(card)[0]);
    }
}
