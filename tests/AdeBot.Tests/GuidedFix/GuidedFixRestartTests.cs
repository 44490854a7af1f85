using System.Text.Json.Nodes;
using AdeBot.Alerts;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Tokens;
using AdeBot.Testing;
using AdeBot.Testing.Connector;
using AdeBot.Tests.Infrastructure;
using static AdeBot.Tests.Conversations.ConversationAssert;
using static AdeBot.Tests.Infrastructure.CardReading;

namespace AdeBot.Tests.GuidedFix;

/// Guided fixes across a restart, and with the conversation's alerts: hosts of their own, since
/// they stop a host or run an alert check over every subscribed conversation.
public sealed class GuidedFixRestartTests : IAsyncLifetime
{
    private const string Kyiv = "Contoso ABM – Kyiv";
    private const string KyivId = "0b8f6c1e-0005-4a52-9d7e-5a3b1e000005";

    private readonly TempFolder _data = new("adebot-guidedfix-");
    private FakeConnectorServer _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnectorServer.StartHttpsAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task A_restart_in_the_middle_resumes_at_the_stored_step_and_an_older_card_continues_from_there_too()
    {
        TeamsChat chat;
        JsonObject stepOne, stepTwo;
        var first = GuidedFixBotHost.On(_data.Path, _connector);
        GuidedFixBotHost restarted;
        await using (first)
        {
            await first.InitializeAsync();
            chat = new TeamsChat(first, tenantId: GuidedFixBotHost.Tenant, locale: "uk-UA");
            stepOne = await StartOnAsync(chat, Kyiv);
            stepTwo = await ClickAsync(chat, Assert.Single(Executes(stepOne, CardVerbs.FixDone)));
            Assert.Contains("Крок 2 з 6", TextBlocks(stepTwo));
            restarted = first.RestartedOn(_data.Path, _connector);
        }

        await using (restarted)
        {
            await restarted.InitializeAsync();
            var again = new TeamsChat(restarted, chat);

            var stepThree = await ClickAsync(again, Assert.Single(Executes(stepTwo, CardVerbs.FixDone)));
            // Done on the step-1 card, scrolled back to: the walk stays at its stored step.
            var stale = await ClickAsync(again, Assert.Single(Executes(stepOne, CardVerbs.FixDone)));

            Assert.Contains("Крок 3 з 6", TextBlocks(stepThree));
            Assert.Equal(TextBlocks(stepThree), TextBlocks(stale));
        }
    }

    [Fact]
    public async Task When_the_fix_is_not_visible_yet_the_next_alert_check_that_sees_it_posts_one_message_and_never_a_second()
    {
        await using var host = GuidedFixBotHost.On(_data.Path, _connector);
        await host.InitializeAsync();
        var chat = new TeamsChat(host, tenantId: GuidedFixBotHost.Tenant, locale: "en-US");
        await chat.SendAsync(chat.InstallationUpdate("add"));
        var check = host.Get<AlertCheck>();
        await check.RunAsync(TestTimeout.Token);
        var alertsBefore = chat.ProactiveMessages().Count;

        var card = await StartOnAsync(chat, Kyiv);
        while (Executes(card, CardVerbs.FixDone) is [var done]) card = await ClickAsync(chat, done);
        Assert.Contains("Not visible yet", TextBlocks(card));
        Assert.Contains("This conversation gets alerts: AdeBot will post here once when an alert check sees the problem gone.", TextBlocks(card));

        await check.RunAsync(TestTimeout.Token);
        Assert.Equal(alertsBefore, chat.ProactiveMessages().Count);

        host.Graph.Renew(KyivId, host.Clock.GetUtcNow().AddDays(365));
        host.Clock.Advance(TimeSpan.FromMinutes(6));
        await check.RunAsync(TestTimeout.Token);
        await check.RunAsync(TestTimeout.Token);

        var cleared = Assert.Single(chat.ProactiveMessages().Skip(alertsBefore));
        Assert.Contains($"{Kyiv} (ABM): renewed", AllText(cleared.Card));
        var ledger = await host.Get<IAlertLedger>().ReadAsync(chat.Key, TestTimeout.Token);
        Assert.Null(ledger.Find(new FindingId(GuidedFixBotHost.Tenant, TokenKind.Ade, KyivId, AlertTracks.Expiry)));
    }

    [Fact]
    public async Task A_fix_the_chat_confirmed_is_not_announced_again_by_the_alert_check()
    {
        await using var host = GuidedFixBotHost.On(_data.Path, _connector);
        await host.InitializeAsync();
        var chat = new TeamsChat(host, tenantId: GuidedFixBotHost.Tenant, locale: "fi-FI");
        await chat.SendAsync(chat.InstallationUpdate("add"));
        var check = host.Get<AlertCheck>();
        await check.RunAsync(TestTimeout.Token);
        var alertsBefore = chat.ProactiveMessages().Count;

        var card = await StartOnAsync(chat, Kyiv);
        while (Executes(card, CardVerbs.FixDone) is [var done])
        {
            if (TextBlocks(card).Contains("Vaihe 6/6")) host.Graph.Renew(KyivId, host.Clock.GetUtcNow().AddDays(365));
            card = await ClickAsync(chat, done);
        }
        Assert.Contains("Ongelma on poistunut", TextBlocks(card));

        host.Clock.Advance(TimeSpan.FromMinutes(6));
        await check.RunAsync(TestTimeout.Token);

        Assert.Equal(alertsBefore, chat.ProactiveMessages().Count);
    }

    private static async Task<JsonObject> StartOnAsync(TeamsChat chat, string tokenName)
    {
        var cards = (await chat.SayAsync("status")).Where(r => r.HasCard).Select(r => r.Card).ToList();
        var answer = await chat.InvokeAsync(TeamsChat.ExecuteValue(Assert.Single(Executes(TokenBlock(cards, tokenName), CardVerbs.FixStart))));
        return IsCard(Assert.Single(answer.Posted));
    }

    private static async Task<JsonObject> ClickAsync(TeamsChat chat, JsonObject button)
    {
        var answer = await chat.InvokeAsync(TeamsChat.ExecuteValue(button));
        return IsCard15(answer.Card);
    }
}
