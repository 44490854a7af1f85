using AdeBot.Testing;
using System.Globalization;
using System.Text.Json.Nodes;
using AdeBot.Alerts;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Localization;
using AdeBot.Tests.Infrastructure;
using static AdeBot.Tests.Conversations.ConversationAssert;
using static AdeBot.Tests.Infrastructure.CardReading;

namespace AdeBot.Tests.Conversations;

/// Choosing which alerts a conversation gets (all problems, or only critical ones), by typing it
/// or with the welcome card's button, and the next check honouring the choice.
public sealed class AlertScopeConversationTests(SampleBotHost host) : IClassFixture<SampleBotHost>
{
    [Theory]
    [InlineData("en-US", "only critical alerts", "send all alerts")]
    [InlineData("en-US", "alert me only about critical problems", "all problems")]
    [InlineData("fi-FI", "vain kriittiset hälytykset", "kaikki hälytykset")]
    [InlineData("fi-FI", "ilmoita vain kriittisistä", "ilmoita kaikista ongelmista")]
    [InlineData("uk-UA", "лише критичні сповіщення", "усі сповіщення")]
    [InlineData("uk-UA", "тільки критичні", "надсилай усі сповіщення")]
    public async Task Typing_a_scope_stores_it_and_confirms_in_the_conversations_language(string locale, string criticalOnly, string all)
    {
        var chat = new TeamsChat(host, locale: locale);
        var store = host.Get<ISubscriptionStore>();

        var narrowed = await chat.SayAsync(criticalOnly);
        var afterNarrowing = await store.GetAsync(chat.Key, TestTimeout.Token);
        var widened = await chat.SayAsync(all);
        var afterWidening = await store.GetAsync(chat.Key, TestTimeout.Token);

        Assert.Equal(ChatReplies.ScopeChanged(AlertScope.CriticalOnly, turnedOn: false, Culture(locale)), IsText(Assert.Single(narrowed)));
        Assert.Equal(AlertScope.CriticalOnly, afterNarrowing!.Scope);
        Assert.True(afterNarrowing.Active);
        Assert.Equal(ChatReplies.ScopeChanged(AlertScope.All, turnedOn: false, Culture(locale)), IsText(Assert.Single(widened)));
        Assert.Equal(AlertScope.All, afterWidening!.Scope);
        if (locale != "en-US")
        {
            Assert.NotEqual(ChatReplies.ScopeChanged(AlertScope.CriticalOnly, turnedOn: false, Culture("en-US")), IsText(narrowed[0]));
        }
    }

    [Theory]
    [InlineData("en-US", "unsubscribe", "only critical alerts")]
    [InlineData("fi-FI", "peru tilaus", "vain kriittiset hälytykset")]
    [InlineData("uk-UA", "відписатися", "лише критичні сповіщення")]
    public async Task Choosing_a_scope_while_alerts_are_off_turns_them_back_on_and_says_so(string locale, string unsubscribe, string criticalOnly)
    {
        var chat = new TeamsChat(host, locale: locale);
        var store = host.Get<ISubscriptionStore>();
        await chat.SayAsync(unsubscribe);

        var replies = await chat.SayAsync(criticalOnly);
        var stored = await store.GetAsync(chat.Key, TestTimeout.Token);

        Assert.Equal(ChatReplies.ScopeChanged(AlertScope.CriticalOnly, turnedOn: true, Culture(locale)), IsText(Assert.Single(replies)));
        Assert.True(stored!.Active);
        Assert.Equal(AlertScope.CriticalOnly, stored.Scope);
    }

    [Theory]
    [InlineData("en-US", "Only critical alerts", "All alerts")]
    [InlineData("fi-FI", "Vain kriittiset hälytykset", "Kaikki hälytykset")]
    [InlineData("uk-UA", "Лише критичні сповіщення", "Усі сповіщення")]
    public async Task The_welcome_cards_scope_button_works_by_invoke_and_by_submit(string locale, string onlyCritical, string allAlerts)
    {
        var chat = new TeamsChat(host, locale: locale);
        var store = host.Get<ISubscriptionStore>();
        var installation = chat.InstallationUpdate("add");
        await chat.PostAcceptedAsync(installation);
        await chat.SettleAsync();
        var welcome = IsCard(Assert.Single(chat.RepliesTo(installation)));
        var narrow = Assert.Single(Executes(welcome, CardVerbs.AlertScope));

        var invoked = await chat.InvokeAsync(TeamsChat.ExecuteValue(narrow));
        var afterInvoke = await store.GetAsync(chat.Key, TestTimeout.Token);
        var widen = Assert.Single(Executes(IsCard15(invoked.Card), CardVerbs.AlertScope));
        var submitted = await chat.SendAsync(chat.Submit(widen["fallback"]!["data"]!));
        var afterSubmit = await store.GetAsync(chat.Key, TestTimeout.Token);
        var narrowAgain = Assert.Single(Executes(IsCard(Assert.Single(submitted)), CardVerbs.AlertScope));

        Assert.Equal(onlyCritical, (string?)narrow["title"]);
        Assert.Equal(200, invoked.StatusCode);
        Assert.Empty(invoked.Posted);
        Assert.Equal(AlertScope.CriticalOnly, afterInvoke!.Scope);
        Assert.Equal(allAlerts, (string?)widen["title"]);
        Assert.Single(Executes(invoked.Card, CardVerbs.Unsubscribe));
        Assert.Equal(AlertScope.All, afterSubmit!.Scope);
        Assert.Equal(onlyCritical, (string?)narrowAgain["title"]);
        Assert.True(afterSubmit.Active);
    }

    [Fact]
    public async Task The_scope_button_of_an_old_card_turns_alerts_back_on_with_that_scope()
    {
        var chat = new TeamsChat(host, locale: "fi-FI");
        var store = host.Get<ISubscriptionStore>();
        await chat.SayAsync("peru tilaus");
        var data = new JsonObject { ["verb"] = CardVerbs.AlertScope, ["scope"] = "criticalOnly" };

        var answer = await chat.InvokeAsync(new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = CardVerbs.AlertScope, ["data"] = data } });
        var stored = await store.GetAsync(chat.Key, TestTimeout.Token);

        Assert.True(stored!.Active);
        Assert.Equal(AlertScope.CriticalOnly, stored.Scope);
        Assert.Single(Executes(IsCard15(answer.Card), CardVerbs.Unsubscribe));
        Assert.Equal("Kaikki hälytykset", (string?)Assert.Single(Executes(answer.Card, CardVerbs.AlertScope))["title"]);
    }

    [Theory]
    [InlineData("""{ "verb": "alertScope" }""")]
    [InlineData("""{ "verb": "alertScope", "scope": 7 }""")]
    public async Task A_scope_button_without_a_known_scope_changes_nothing(string data)
    {
        var chat = new TeamsChat(host);
        var store = host.Get<ISubscriptionStore>();
        await chat.SayAsync("only critical alerts");

        var answer = await chat.InvokeAsync(new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = CardVerbs.AlertScope, ["data"] = JsonNode.Parse(data) },
        });
        var stored = await store.GetAsync(chat.Key, TestTimeout.Token);

        Assert.Equal(ChatReplies.UnknownReply(Culture("en-US")), answer.Message);
        Assert.Equal(AlertScope.CriticalOnly, stored!.Scope);
    }

    [Fact]
    public async Task The_next_check_sends_a_critical_only_conversation_just_the_critical_findings()
    {
        var critical = new TeamsChat(host, locale: "uk-UA");
        var everything = new TeamsChat(host, locale: "uk-UA");
        await critical.SayAsync("лише критичні сповіщення");
        await everything.SayAsync("привіт");

        await host.Get<AlertCheck>().RunAsync(TestTimeout.Token);

        var narrowed = Raised(IsCard(Assert.Single(critical.ProactiveMessages())));
        var full = Raised(IsCard(Assert.Single(everything.ProactiveMessages())));
        // The sample tenant has both kinds: an expired token and failing syncs, and tokens expiring in 20-25 days.
        Assert.Contains(full, line => line.Color == "warning");
        Assert.Contains(full, line => line.Color == "attention");
        Assert.NotEmpty(narrowed);
        Assert.All(narrowed, line => Assert.Equal("attention", line.Color));
        Assert.Equal(full.Where(line => line.Color == "attention").Select(line => line.Text), narrowed.Select(line => line.Text));
    }

    /// The lines of an alert card that raise a finding, coloured by severity (cleared ones are "good").
    private static List<(string Text, string? Color)> Raised(JsonObject card) =>
        [.. Objects(card)
            .Where(o => (string?)o["type"] == "TextBlock" && (string?)o["color"] is "attention" or "warning")
            .Select(o => ((string)o["text"]!, (string?)o["color"]))];

    private static CultureInfo Culture(string locale) => SupportedCultures.Resolve(locale);
}
