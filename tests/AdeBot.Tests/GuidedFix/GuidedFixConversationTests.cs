using System.Globalization;
using System.Text.Json.Nodes;
using AdeBot.Alerts;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Devices;
using AdeBot.Domain.GuidedFix;
using AdeBot.Inventory;
using AdeBot.Domain.Localization;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;
using AdeBot.Testing;
using AdeBot.Testing.Connector;
using AdeBot.Tests.Infrastructure;
using static AdeBot.Tests.Conversations.ConversationAssert;
using static AdeBot.Tests.Infrastructure.CardReading;

namespace AdeBot.Tests.GuidedFix;

/// "Fix it with me" through /api/messages, buttons taken from the cards the bot really sent: the
/// walk one step at a time, "I'm stuck", "Stop", the verification read (the fake Graph changes
/// between reads), "Check again" and its per-tenant limit, a restart in the middle, idle expiry on
/// the injected clock, and the one "fixed" message of the next alert check.
public sealed class GuidedFixConversationTests : IClassFixture<GuidedFixBotHost>
{
    private const string Kyiv = "Contoso ABM – Kyiv";
    private const string KyivId = "0b8f6c1e-0005-4a52-9d7e-5a3b1e000005";
    private const string Turku = "Contoso ABM – Turku";
    private const string TurkuId = "0b8f6c1e-0007-4a52-9d7e-5a3b1e000007";

    private readonly GuidedFixBotHost _host;

    public GuidedFixConversationTests(GuidedFixBotHost host)
    {
        _host = host;
        // Each test starts from the sample tenant, past the previous test's verification limit and cache.
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        host.Graph.Reset();
    }

    public static TheoryData<string, string, string, string, string> Languages => new()
    {
        // locale, question, health heading, "Step 1 of 6", "The problem is gone"
        { "en-US", "status", "Apple token health", "Step 1 of 6", "The problem is gone" },
        { "fi-FI", "tilanne", "Apple-yhteyksien kunto", "Vaihe 1/6", "Ongelma on poistunut" },
        { "uk-UA", "статус", "Стан маркерів Apple", "Крок 1 з 6", "Проблему усунено" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_full_walk_shows_each_step_of_the_catalog_once_and_the_renewal_Graph_reports_after_the_last(
        string locale, string question, string heading, string firstStep, string fixedTitle)
    {
        var chat = new TeamsChat(_host, tenantId: GuidedFixBotHost.Tenant, locale: locale);
        var culture = SupportedCultures.Resolve(locale);
        var steps = _host.Get<RemediationCatalog>().Describe(RemediationTopic.AdeExpired, culture).Steps;
        var (_, tokenCards) = IsHealthAnswer(await chat.SayAsync(question), heading);

        var card = await StartAsync(chat, Assert.Single(Executes(TokenBlock(tokenCards, Kyiv), CardVerbs.FixStart)));

        Assert.Contains(firstStep, TextBlocks(card));
        for (var i = 0; i < steps.Count; i++)
        {
            // The step's text is the catalog's, in the conversation's language; no other step is on the card.
            Assert.Contains(steps[i], TextBlocks(card));
            Assert.All(steps.Where((_, j) => j != i), other => Assert.DoesNotContain(other, TextBlocks(card)));
            LinksAreLocalized([card], $"/{culture.Name.ToLowerInvariant()}/");
            Assert.Single(Executes(card, CardVerbs.FixStuck));
            Assert.Single(Executes(card, CardVerbs.FixStop));
            if (i == steps.Count - 1) _host.Graph.Renew(KyivId, _host.Clock.GetUtcNow().AddDays(365));
            card = await ClickAsync(chat, Assert.Single(Executes(card, CardVerbs.FixDone)));
        }

        Assert.Contains(fixedTitle, TextBlocks(card));
        Assert.Contains(card["body"]!.AsArray(), b => ((string?)b?["text"])?.Contains(TextFormat.Date(_host.Clock.GetUtcNow().AddDays(365), culture), StringComparison.Ordinal) == true);
        Assert.Contains(Kyiv, AllText(card));
        Assert.Empty(Executes(card, CardVerbs.FixDone));
    }

    [Theory]
    [InlineData("en-US", "Apple support")]
    [InlineData("fi-FI", "Applen tuki")]
    [InlineData("uk-UA", "Служба підтримки Apple")]
    public async Task I_am_stuck_gives_the_next_likely_cause_each_time_then_the_help_articles_and_the_support_path_never_a_dead_end(string locale, string support)
    {
        var chat = new TeamsChat(_host, tenantId: GuidedFixBotHost.Tenant, locale: locale);
        var culture = SupportedCultures.Resolve(locale);
        var causes = _host.Get<RemediationCatalog>().LikelyCauses(RemediationTopic.AdeExpired, culture);
        var step = await StartOnAsync(chat, Kyiv);

        var card = await ClickAsync(chat, Assert.Single(Executes(step, CardVerbs.FixStuck)));
        foreach (var cause in causes)
        {
            Assert.Contains(cause, TextBlocks(card));
            Assert.Single(Executes(card, CardVerbs.FixBack));
            card = await ClickAsync(chat, Assert.Single(Executes(card, CardVerbs.FixStuck)));
        }

        Assert.Contains(TextBlocks(card), t => t.StartsWith(support, StringComparison.Ordinal));
        Assert.Contains("https://learn.microsoft.com/", AllText(card));
        Assert.Single(Executes(card, CardVerbs.FixCheck));
        Assert.Single(Executes(card, CardVerbs.FixStop));
        var back = await ClickAsync(chat, Assert.Single(Executes(card, CardVerbs.FixBack)));
        Assert.Equal(TextBlocks(step), TextBlocks(back));
    }

    [Fact]
    public async Task Stop_replaces_the_card_with_one_without_buttons_and_a_later_click_says_the_fix_ended()
    {
        var chat = new TeamsChat(_host, tenantId: GuidedFixBotHost.Tenant, locale: "fi-FI");
        var step = await StartOnAsync(chat, Kyiv);

        var stopped = await ClickAsync(chat, Assert.Single(Executes(step, CardVerbs.FixStop)));
        var late = await chat.InvokeAsync(TeamsChat.ExecuteValue(Assert.Single(Executes(step, CardVerbs.FixDone))));

        Assert.Contains("Opastettu korjaus lopetettiin", AllText(stopped));
        Assert.Empty(Actions(stopped));
        Assert.StartsWith("Tämä opastettu korjaus on päättynyt", late.Message);
    }

    [Fact]
    public async Task Not_visible_yet_offers_check_again_which_reads_graph_once_per_interval_and_then_sees_the_recovered_sync()
    {
        var chat = new TeamsChat(_host, tenantId: GuidedFixBotHost.Tenant, locale: "en-US");
        var card = await WalkToTheEndAsync(chat, Turku);

        Assert.Contains("Not visible yet", TextBlocks(card));
        Assert.Contains(TextBlocks(card), t => t.StartsWith("Graph and Apple can lag", StringComparison.Ordinal));
        var checkAgain = Assert.Single(Executes(card, CardVerbs.FixCheck));

        var syncedAt = _host.Clock.GetUtcNow().AddMinutes(-1);
        _host.Graph.RecoverSync(TurkuId, syncedAt);
        var reads = _host.Graph.TokenListReads;
        var tooSoon = await chat.InvokeAsync(TeamsChat.ExecuteValue(checkAgain));
        Assert.StartsWith("Graph was read for this tenant a moment ago", tooSoon.Message);
        Assert.Equal(reads, _host.Graph.TokenListReads);

        _host.Clock.Advance(TimeSpan.FromSeconds(31));
        var verified = await ClickAsync(chat, checkAgain);

        Assert.Equal(reads + 1, _host.Graph.TokenListReads);
        Assert.Contains("The problem is gone", TextBlocks(verified));
        Assert.Contains($"{Turku} syncs again: the last successful sync was {TextFormat.DateTime(syncedAt, CultureInfo.GetCultureInfo("en-US"))}.", TextBlocks(verified));
    }

    [Fact]
    public async Task The_verification_reads_graph_past_the_cache_even_right_after_the_problem_card_was_read()
    {
        var chat = new TeamsChat(_host, tenantId: GuidedFixBotHost.Tenant, locale: "uk-UA");
        var step = await StartOnAsync(chat, Kyiv);
        var card = step;
        for (var i = 0; i < 5; i++) card = await ClickAsync(chat, Assert.Single(Executes(card, CardVerbs.FixDone)));
        var reads = _host.Graph.TokenListReads;
        _host.Graph.Renew(KyivId, _host.Clock.GetUtcNow().AddDays(300));

        var verified = await ClickAsync(chat, Assert.Single(Executes(card, CardVerbs.FixDone)));

        Assert.Equal(reads + 1, _host.Graph.TokenListReads);
        Assert.Contains("Проблему усунено", TextBlocks(verified));
    }

    [Fact]
    public async Task A_guided_fix_idle_past_its_time_is_forgotten()
    {
        var chat = new TeamsChat(_host, tenantId: GuidedFixBotHost.Tenant, locale: "en-US");
        var step = await StartOnAsync(chat, Kyiv);

        _host.Clock.Advance(TimeSpan.FromMinutes(61));
        // The hourly trim that came due on the way drops the stored walk, not only the click's check.
        var store = _host.Get<IGuidedFixStore>();
        await TeamsChat.WaitForAsync(async () => await store.GetAsync(new GuidedFixKey(chat.Key, chat.ConversationId), TestTimeout.Token) is null, "the idle walk trimmed");
        var late = await chat.InvokeAsync(TeamsChat.ExecuteValue(Assert.Single(Executes(step, CardVerbs.FixDone))));

        Assert.StartsWith("This guided fix has ended", late.Message);
    }

    [Fact]
    public async Task A_device_diagnosis_offers_the_walk_of_its_verdict()
    {
        var chat = new TeamsChat(_host, tenantId: GuidedFixBotHost.Tenant, locale: "en-US");
        var serial = SampleDevices.SerialFor[DeviceVerdict.NotContacted];
        var device = IsCard((await chat.SayAsync($"why isn't {serial} enrolling?"))[^1]);

        var step = await StartAsync(chat, Assert.Single(Executes(device, CardVerbs.FixStart)));

        Assert.Contains($"Fix it with me: {serial}", TextBlocks(step));
        Assert.Contains(_host.Get<RemediationCatalog>().Describe(RemediationTopic.DeviceNotContacted, CultureInfo.GetCultureInfo("en-US")).Steps[0], TextBlocks(step));
        Assert.Contains(TextBlocks(step), t => t.StartsWith("Step 1 of ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_thread_of_a_channel_walks_its_own_fix()
    {
        var channel = new TeamsChat(_host, ChatScope.Channel, tenantId: GuidedFixBotHost.Tenant, locale: "en-US");
        var other = channel.InThread("1700000000777");
        var kyivStep = await StartOnAsync(channel, Kyiv, mention: true);
        var kyivTwo = await ClickAsync(channel, Assert.Single(Executes(kyivStep, CardVerbs.FixDone)));

        var ouluStep = await StartOnAsync(other, "Contoso ABM – Oulu", mention: true);
        var kyivThree = await ClickAsync(channel, Assert.Single(Executes(kyivTwo, CardVerbs.FixDone)));

        Assert.Contains("Fix it with me: Contoso ABM – Oulu", TextBlocks(ouluStep));
        Assert.Contains("Fix it with me: Contoso ABM – Kyiv", TextBlocks(kyivThree));
        Assert.Contains("Step 3 of 6", TextBlocks(kyivThree));
    }

    [Fact]
    public async Task The_action_submit_fallback_walks_the_same_steps_as_new_messages()
    {
        var chat = new TeamsChat(_host, tenantId: GuidedFixBotHost.Tenant, locale: "fi-FI");
        var cards = (await chat.SayAsync("tilanne")).Where(r => r.HasCard).Select(r => r.Card).ToList();
        var start = Assert.Single(Executes(TokenBlock(cards, Kyiv), CardVerbs.FixStart));

        var first = IsCard(Assert.Single(await chat.SendAsync(chat.Submit(start["fallback"]!["data"]!))));
        var second = IsCard(Assert.Single(await chat.SendAsync(chat.Submit(Assert.Single(Executes(first, CardVerbs.FixDone))["fallback"]!["data"]!))));

        Assert.Contains("Vaihe 1/6", TextBlocks(first));
        Assert.Contains("Vaihe 2/6", TextBlocks(second));
    }

    /// Clicks "Fix it with me": the first step comes as a new message, the problem card stays.
    private static async Task<JsonObject> StartAsync(TeamsChat chat, JsonObject button)
    {
        var answer = await chat.InvokeAsync(TeamsChat.ExecuteValue(button));
        Assert.Equal(200, answer.StatusCode);
        return IsCard(Assert.Single(answer.Posted));
    }

    private static async Task<JsonObject> StartOnAsync(TeamsChat chat, string tokenName, bool mention = false)
    {
        var cards = (await chat.SendAsync(mention ? chat.MessageMentioningBot("status") : chat.Message("status"))).Where(r => r.HasCard).Select(r => r.Card).ToList();
        return await StartAsync(chat, Assert.Single(Executes(TokenBlock(cards, tokenName), CardVerbs.FixStart)));
    }

    /// Done until the walk leaves its steps; returns the verification card.
    private static async Task<JsonObject> WalkToTheEndAsync(TeamsChat chat, string tokenName)
    {
        var card = await StartOnAsync(chat, tokenName);
        while (Executes(card, CardVerbs.FixDone) is [var done]) card = await ClickAsync(chat, done);
        return card;
    }

    /// A later click answers with the card that replaces the clicked one.
    private static async Task<JsonObject> ClickAsync(TeamsChat chat, JsonObject button)
    {
        var answer = await chat.InvokeAsync(TeamsChat.ExecuteValue(button));
        Assert.Empty(answer.Posted);
        return IsCard15(answer.Card);
    }
}
