using AdeBot.Testing;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdeBot.Alerts;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Localization;
using AdeBot.Domain.Tokens;
using AdeBot.Tests.Infrastructure;
using static AdeBot.Tests.Conversations.ConversationAssert;
using static AdeBot.Tests.Infrastructure.CardReading;

namespace AdeBot.Tests.Conversations;

/// Card buttons both ways: Action.Execute arrives as an `adaptiveCard/action` invoke answered in the
/// HTTP response; its Action.Submit fallback arrives as a message whose value is the button's data,
/// answered at the connector. Button data is taken from cards the bot really sent.
public sealed class CardActionConversationTests(SampleBotHost host) : IClassFixture<SampleBotHost>
{
    public static TheoryData<string, string, string> HealthQuestions => new()
    {
        // locale, question, the summary card's heading
        { "en-US", "status", "Apple token health" },
        { "fi-FI", "tilanne", "Apple-yhteyksien kunto" },
        { "uk-UA", "статус", "Стан маркерів Apple" },
    };

    [Theory]
    [MemberData(nameof(HealthQuestions))]
    public async Task Check_again_on_the_summary_card_answers_the_invoke_with_the_refreshed_summary_card(string locale, string question, string heading)
    {
        var chat = new TeamsChat(host, locale: locale);
        var (summary, _) = IsHealthAnswer(await chat.SayAsync(question), heading);

        var answer = await chat.InvokeAsync(TeamsChat.ExecuteValue(Assert.Single(Executes(summary, CardVerbs.CheckAgain))));

        Assert.Equal(HttpStatusCode.OK, answer.HttpStatus);
        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.Type);
        Assert.Contains(heading, TextBlocks(IsCard15(answer.Card)));
        Assert.Empty(Executes(answer.Card, CardVerbs.Details));
        Assert.Empty(answer.Posted);
    }

    [Theory]
    [MemberData(nameof(HealthQuestions))]
    public async Task Check_again_on_a_token_card_answers_with_that_token_card_refreshed_not_the_summary(string locale, string question, string heading)
    {
        var chat = new TeamsChat(host, locale: locale);
        var (_, tokenCards) = IsHealthAnswer(await chat.SayAsync(question), heading);
        var clicked = tokenCards.Single(c => AllText(c).Contains("Contoso ABM – Oulu", StringComparison.Ordinal));

        var answer = await chat.InvokeAsync(TeamsChat.ExecuteValue(Assert.Single(Executes(TokenBlock([clicked], "Contoso ABM – Oulu"), CardVerbs.CheckAgain))));

        var refreshed = IsCard15(answer.Card);
        Assert.DoesNotContain(heading, TextBlocks(refreshed));
        // "Tokens that need attention: 1–8 of 8", in the conversation's language: the same part of the answer.
        Assert.Equal(TextBlocks(clicked)[0], TextBlocks(refreshed)[0]);
        Assert.All(FailingSampleTokens, name => Assert.Single(Executes(TokenBlock([refreshed], name), CardVerbs.Details)));
        Assert.DoesNotContain(HealthySampleToken, AllText(refreshed));
        Assert.Empty(answer.Posted);
    }

    [Fact]
    public async Task Check_again_on_a_details_card_answers_with_that_tokens_details()
    {
        var chat = new TeamsChat(host, locale: "fi-FI");
        var replies = await chat.SayAsync("näytä tunnuksen Oulu tiedot");
        var details = IsCard(replies[^1]);

        var answer = await chat.InvokeAsync(TeamsChat.ExecuteValue(Assert.Single(Executes(details, CardVerbs.CheckAgain))));

        var refreshed = IsCard15(answer.Card);
        Assert.Contains("Contoso ABM – Oulu", TextBlocks(refreshed));
        Assert.Contains("0b8f6c1e-0004-4a52-9d7e-5a3b1e000004", Strings(refreshed));
        Assert.DoesNotContain("Apple-yhteyksien kunto", TextBlocks(refreshed));
        LinksAreLocalized([refreshed], "/fi-fi/");
        Assert.Empty(answer.Posted);
    }

    [Fact]
    public async Task Check_again_on_the_expiring_card_answers_with_the_same_window()
    {
        var chat = new TeamsChat(host, locale: "uk-UA");
        var expiring = IsCard((await chat.SayAsync("що спливає за 10 днів"))[^1]);

        var answer = await chat.InvokeAsync(TeamsChat.ExecuteValue(Assert.Single(Executes(expiring, CardVerbs.CheckAgain))));

        var refreshed = IsCard15(answer.Card);
        Assert.Contains("Маркери, термін дії яких минув або спливає протягом 10 днів", TextBlocks(refreshed));
        Assert.Contains("Contoso ABM – Oulu", AllText(refreshed));
        Assert.DoesNotContain("Contoso ABM – Tampere", AllText(refreshed));
    }

    [Fact]
    public async Task Check_again_on_a_token_card_by_submit_posts_that_token_card()
    {
        var chat = new TeamsChat(host, locale: "uk-UA");
        var (_, tokenCards) = IsHealthAnswer(await chat.SayAsync("статус"), "Стан маркерів Apple");
        var clicked = tokenCards.Single(c => AllText(c).Contains("Contoso ABM – Kyiv", StringComparison.Ordinal));
        var button = Assert.Single(Executes(TokenBlock([clicked], "Contoso ABM – Kyiv"), CardVerbs.CheckAgain));

        var replies = await chat.SendAsync(chat.Submit(button["fallback"]!["data"]!));

        var posted = IsCard(Assert.Single(replies));
        Assert.Equal(TextBlocks(clicked)[0], TextBlocks(posted)[0]);
        Assert.All(FailingSampleTokens, name => Assert.Contains(name, AllText(posted)));
    }

    [Theory]
    [InlineData("en-US", "Apple token health")]
    [InlineData("fi-FI", "Apple-yhteyksien kunto")]
    [InlineData("uk-UA", "Стан маркерів Apple")]
    public async Task A_check_again_button_sent_before_cards_named_their_view_still_answers_with_the_summary_card(string locale, string heading)
    {
        var chat = new TeamsChat(host, locale: locale);
        var value = JsonNode.Parse("""
            { "action": { "type": "Action.Execute", "verb": "checkAgain", "data": { "verb": "checkAgain" } }, "trigger": "manual" }
            """);

        var answer = await chat.InvokeAsync(value);

        Assert.Equal(HttpStatusCode.OK, answer.HttpStatus);
        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.Type);
        Assert.Contains(heading, TextBlocks(IsCard15(answer.Card)));
        Assert.Empty(answer.Posted);
    }

    [Fact]
    public async Task Check_again_by_submit_without_a_view_posts_the_summary_card()
    {
        var chat = new TeamsChat(host, locale: "fi-FI");

        var replies = await chat.SendAsync(chat.Submit(new JsonObject { ["verb"] = CardVerbs.CheckAgain }));

        Assert.Contains("Apple-yhteyksien kunto", TextBlocks(IsCard(Assert.Single(replies))));
    }

    public enum CardWithoutData { Welcome, Help, Explanation }

    [Theory]
    [InlineData(CardWithoutData.Welcome, "en-US", "Apple token health")]
    [InlineData(CardWithoutData.Help, "fi-FI", "Apple-yhteyksien kunto")]
    [InlineData(CardWithoutData.Explanation, "uk-UA", "Стан маркерів Apple")]
    public async Task Check_now_on_a_card_that_shows_no_tokens_posts_the_health_answer_and_answers_the_invoke_with_its_summary(
        CardWithoutData kind, string locale, string heading)
    {
        var chat = new TeamsChat(host, locale: locale);
        var card = await CardWithoutDataAsync(chat, kind);

        var answer = await chat.InvokeAsync(TeamsChat.ExecuteValue(CheckNowButton(card)));

        Assert.Equal(200, answer.StatusCode);
        IsHealthAnswer(answer.Posted, heading);
        // "8 tokens need attention": the summary the posted answer notifies with.
        Assert.Equal(answer.Posted[1].Summary, answer.Message);
        Assert.StartsWith("8 ", answer.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CardWithoutData.Welcome, "fi-FI", "Apple-yhteyksien kunto")]
    [InlineData(CardWithoutData.Help, "en-US", "Apple token health")]
    public async Task Check_now_by_submit_posts_the_health_answer_and_nothing_else(CardWithoutData kind, string locale, string heading)
    {
        var chat = new TeamsChat(host, locale: locale);
        var card = await CardWithoutDataAsync(chat, kind);

        var replies = await chat.SendAsync(chat.Submit(CheckNowButton(card)["fallback"]!["data"]!));

        var (_, tokenCards) = IsHealthAnswer(replies, heading);
        Assert.All(FailingSampleTokens, name => Assert.Contains(name, string.Join("\n", tokenCards.Select(AllText))));
    }

    [Fact]
    public async Task The_details_button_of_a_token_opens_its_details_both_ways()
    {
        var chat = new TeamsChat(host, locale: "uk-UA");
        var (_, tokenCards) = IsHealthAnswer(await chat.SayAsync("статус"), "Стан маркерів Apple");
        var details = Assert.Single(Executes(TokenBlock(tokenCards, "Contoso ABM – Oulu"), CardVerbs.Details));

        var invoked = await chat.InvokeAsync(TeamsChat.ExecuteValue(details));
        var submitted = await chat.SendAsync(chat.Submit(details["fallback"]!["data"]!));

        foreach (var card in new[] { invoked.Card, IsCard(Assert.Single(submitted)) })
        {
            IsCard15(card);
            Assert.Contains("Contoso ABM – Oulu", TextBlocks(card));
            Assert.Contains("0b8f6c1e-0004-4a52-9d7e-5a3b1e000004", Strings(card));
            LinksAreLocalized([card], "/uk-ua/");
        }
        Assert.Equal(200, invoked.StatusCode);
        Assert.Equal("Action.Submit", (string?)details["fallback"]!["type"]);
    }

    [Theory]
    [InlineData(CardVerbs.Details, null)]
    [InlineData(CardVerbs.CheckAgain, "details")]
    public async Task Details_of_a_token_that_is_gone_says_so_instead_of_failing(string verb, string? view)
    {
        var chat = new TeamsChat(host);
        var data = new JsonObject { ["verb"] = verb, ["view"] = view, ["tokenId"] = "no-such-token", ["tokenKind"] = "ade" };

        var answer = await chat.InvokeAsync(new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } });

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(ChatReplies.NoTokenNamed("no-such-token", CultureInfo.GetCultureInfo("en-US")), answer.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Show_more_posts_the_next_page_of_failing_tokens_without_the_summary(bool byInvoke)
    {
        var chat = new TeamsChat(host);
        var data = new JsonObject { ["verb"] = CardVerbs.ShowMore, ["skip"] = 2 };

        IReadOnlyList<PostedActivity> posted;
        if (byInvoke)
        {
            var answer = await chat.InvokeAsync(new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = CardVerbs.ShowMore, ["data"] = data } });
            // The clicked card keeps its page; the click is answered with the answer's summary line.
            Assert.Equal("8 tokens need attention", answer.Message);
            posted = answer.Posted;
        }
        else
        {
            posted = await chat.SendAsync(chat.Submit(data));
        }

        Assert.True(posted[0].IsTyping);
        var cards = posted.Skip(1).Select(IsCard).ToList();
        Assert.NotEmpty(cards);
        Assert.All(cards, c => Assert.DoesNotContain("Apple token health", TextBlocks(c)));
        // "Tokens that need attention: 3–8 of 8": the page starts after the two skipped tokens.
        Assert.Matches(new Regex(@"^Tokens that need attention: 3–(\d+) of \1$"), TextBlocks(cards[0])[0]);
    }

    [Fact]
    public async Task Snoozing_from_an_alert_card_snoozes_exactly_the_findings_it_showed_both_ways()
    {
        var byInvoke = new TeamsChat(host);
        var bySubmit = new TeamsChat(host, locale: "fi-FI");
        await byInvoke.SayAsync("hi");
        await bySubmit.SayAsync("moi");
        await host.Get<AlertCheck>().RunAsync(TestTimeout.Token);
        var invokeButton = SnoozeButtons(byInvoke).First(b => (int?)b["data"]!["days"] == 7);
        var submitButton = SnoozeButtons(bySubmit).First(b => (int?)b["data"]!["days"] == 1);

        var invoked = await byInvoke.InvokeAsync(TeamsChat.ExecuteValue(invokeButton));
        var submitted = await bySubmit.SendAsync(bySubmit.Submit(submitButton["fallback"]!["data"]!));

        Assert.Equal(ChatReplies.Snoozed(7, SupportedCultures.Resolve("en-US")), invoked.Message);
        Assert.Equal(ChatReplies.Snoozed(1, SupportedCultures.Resolve("fi-FI")), IsText(Assert.Single(submitted)));
        await AssertSnoozedAsync(byInvoke, invokeButton, TimeSpan.FromDays(7));
        await AssertSnoozedAsync(bySubmit, submitButton, TimeSpan.FromDays(1));
    }

    [Theory]
    [InlineData("another tenant", 7)]
    [InlineData("an unoffered length", 365)]
    public async Task A_tampered_snooze_button_snoozes_nothing(string tampering, int days)
    {
        var chat = new TeamsChat(host);
        await chat.SayAsync("hi");
        await host.Get<AlertCheck>().RunAsync(TestTimeout.Token);
        var button = SnoozeButtons(chat).First();
        var data = button["data"]!.AsObject();
        data["days"] = days;
        if (tampering == "another tenant")
            data["findingKeys"] = new JsonArray([.. data["findingKeys"]!.AsArray().Select(k => JsonValue.Create(
                "11111111-1111-1111-1111-111111111111" + ((string)k!)[((string)k!).IndexOf('|', StringComparison.Ordinal)..]))]);

        var answer = await chat.InvokeAsync(TeamsChat.ExecuteValue(button));

        Assert.Equal(ChatReplies.UnknownReply(SupportedCultures.Resolve("en-US")), answer.Message);
        var ledger = await host.Get<IAlertLedger>().ReadAsync(chat.Key, TestTimeout.Token);
        Assert.NotEmpty(ledger.Entries);
        Assert.All(ledger.Entries, e => Assert.Null(e.SnoozedUntil));
    }

    [Fact]
    public async Task F11_a_snooze_with_more_than_50_finding_keys_is_refused_and_snoozes_nothing()
    {
        var chat = new TeamsChat(host);
        await chat.SayAsync("hi");
        await host.Get<AlertCheck>().RunAsync(TestTimeout.Token);
        var button = SnoozeButtons(chat).First();
        var data = button["data"]!.AsObject();
        var keys = data["findingKeys"]!.AsArray();
        // Well-formed keys of the conversation's own tenant, padded past the cap after the real ones.
        for (var i = 0; keys.Count <= CardActionData.MaxFindingKeys; i++)
            keys.Add(JsonValue.Create(new FindingId(chat.TenantId, TokenKind.Ade, $"padding-{i}", AlertTracks.Expiry).Key));

        var answer = await chat.InvokeAsync(TeamsChat.ExecuteValue(button));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(ChatReplies.UnknownReply(SupportedCultures.Resolve("en-US")), answer.Message);
        var ledger = await host.Get<IAlertLedger>().ReadAsync(chat.Key, TestTimeout.Token);
        Assert.NotEmpty(ledger.Entries);
        Assert.All(ledger.Entries, e => Assert.Null(e.SnoozedUntil));
    }

    [Fact]
    public async Task F11_snooze_keys_outside_the_conversations_ledger_are_ignored()
    {
        var alerted = new TeamsChat(host);
        await alerted.SayAsync("hi");
        await host.Get<AlertCheck>().RunAsync(TestTimeout.Token);
        var button = SnoozeButtons(alerted).First();
        // Never alerted: subscribed after the check, so its ledger is empty.
        var other = new TeamsChat(host);
        await other.SayAsync("hi");
        var madeUp = button.DeepClone().AsObject();
        madeUp["data"]!["findingKeys"] = new JsonArray([.. button["data"]!["findingKeys"]!.AsArray()
            .Select(k => JsonValue.Create(((string)k!).Replace("|", "|made-up-", StringComparison.Ordinal)))]);

        var fromOther = await other.InvokeAsync(TeamsChat.ExecuteValue(button));
        var withMadeUpKeys = await alerted.InvokeAsync(TeamsChat.ExecuteValue(madeUp));

        Assert.Equal(ChatReplies.UnknownReply(SupportedCultures.Resolve("en-US")), fromOther.Message);
        Assert.Equal(ChatReplies.UnknownReply(SupportedCultures.Resolve("en-US")), withMadeUpKeys.Message);
        Assert.Empty((await host.Get<IAlertLedger>().ReadAsync(other.Key, TestTimeout.Token)).Entries);
        Assert.All((await host.Get<IAlertLedger>().ReadAsync(alerted.Key, TestTimeout.Token)).Entries, e => Assert.Null(e.SnoozedUntil));
    }

    [Theory]
    [InlineData("en-US", "Turn on alerts", "Turn off alerts")]
    [InlineData("fi-FI", "Ota hälytykset käyttöön", "Poista hälytykset käytöstä")]
    public async Task Alert_toggles_answer_with_the_welcome_card_showing_the_new_state_both_ways(string locale, string turnOn, string turnOff)
    {
        var chat = new TeamsChat(host, locale: locale);
        var store = host.Get<ISubscriptionStore>();

        var off = await chat.InvokeAsync(Execute(CardVerbs.Unsubscribe));
        var afterOff = await store.GetAsync(chat.Key, TestTimeout.Token);
        var on = await chat.SendAsync(chat.Submit(new JsonObject { ["verb"] = CardVerbs.Subscribe }));
        var afterOn = await store.GetAsync(chat.Key, TestTimeout.Token);

        Assert.False(afterOff!.Active);
        Assert.Single(Executes(IsCard15(off.Card), CardVerbs.Subscribe), b => (string?)b["title"] == turnOn);
        Assert.True(afterOn!.Active);
        Assert.Single(Executes(IsCard(Assert.Single(on)), CardVerbs.Unsubscribe), b => (string?)b["title"] == turnOff);
    }

    [Fact]
    public async Task The_help_button_answers_with_the_help_card()
    {
        var chat = new TeamsChat(host, locale: "uk-UA");

        var answer = await chat.InvokeAsync(Execute(CardVerbs.Help));

        Assert.Equal("Що можна запитати", TextBlocks(IsCard15(answer.Card))[0]);
    }

    [Fact]
    public async Task An_unknown_verb_gets_the_localized_did_not_understand_text()
    {
        var chat = new TeamsChat(host, locale: "fi-FI");

        var answer = await chat.InvokeAsync(Execute("launchRockets"));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(ChatReplies.UnknownReply(SupportedCultures.Resolve("fi-FI")), answer.Message);
    }

    public static TheoryData<string?> MalformedInvokeValues => new()
    {
        null,
        "\"checkAgain\"",
        "[]",
        "{}",
        """{ "action": "checkAgain" }""",
        """{ "action": { "type": "Action.Execute" } }""",
        """{ "action": { "type": "Action.Execute", "data": { "verb": 42 } } }""",
        """{ "action": { "type": "Action.Execute", "data": { "verb": "details", "tokenKind": "Printer" } } }""",
        """{ "action": { "type": "Action.Execute", "data": { "verb": "showMore", "skip": "lots" } } }""",
    };

    [Theory]
    [MemberData(nameof(MalformedInvokeValues))]
    public async Task A_malformed_card_action_gets_a_400_invoke_answer_never_a_server_error(string? value)
    {
        var chat = new TeamsChat(host);

        var answer = await chat.InvokeAsync(value is null ? null : JsonNode.Parse(value));

        Assert.True((int)answer.HttpStatus < 500, $"HTTP {answer.HttpStatus}");
        Assert.Equal(400, answer.StatusCode);
        Assert.Equal("application/vnd.microsoft.error", answer.Type);
        Assert.Empty(answer.Posted);
    }

    private async Task<JsonObject> CardWithoutDataAsync(TeamsChat chat, CardWithoutData kind)
    {
        if (kind == CardWithoutData.Welcome)
        {
            var install = chat.InstallationUpdate("add");
            await chat.SendAsync(install);
            return IsCard(Assert.Single(chat.RepliesTo(install)));
        }
        var question = (kind, chat.Locale) switch
        {
            (CardWithoutData.Help, "fi-FI") => "apua",
            (CardWithoutData.Help, _) => "help",
            (_, "uk-UA") => "що означає помилка 3",
            _ => "what does error 3 mean",
        };
        return IsCard(Assert.Single(await chat.SayAsync(question)));
    }

    /// The card's "Check now" button: a card without tenant data has exactly one.
    private static JsonObject CheckNowButton(JsonObject card)
    {
        Assert.Empty(Executes(card, CardVerbs.CheckAgain));
        return Assert.Single(Executes(card, CardVerbs.CheckNow));
    }

    private static JsonObject Execute(string verb) => new()
    {
        ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = new JsonObject { ["verb"] = verb } },
        ["trigger"] = "manual",
    };

    /// The snooze buttons of the alert the check posted into the conversation.
    private static IReadOnlyList<JsonObject> SnoozeButtons(TeamsChat chat)
    {
        var alert = IsCard(Assert.Single(chat.ProactiveMessages()));
        var buttons = Executes(alert, CardVerbs.Snooze);
        Assert.NotEmpty(buttons);
        return buttons;
    }

    private async Task AssertSnoozedAsync(TeamsChat chat, JsonObject button, TimeSpan length)
    {
        List<string> keys = [.. button["data"]!["findingKeys"]!.AsArray().Select(k => (string)k!)];
        var ledger = await host.Get<IAlertLedger>().ReadAsync(chat.Key, TestTimeout.Token);
        var now = TimeProvider.System.GetUtcNow();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.InRange(
            ledger.Entries.Single(e => e.Finding.Key == key).SnoozedUntil.GetValueOrDefault(),
            now + length - TimeSpan.FromMinutes(5), now + length));
        Assert.All(ledger.Entries.Where(e => !keys.Contains(e.Finding.Key)), e => Assert.Null(e.SnoozedUntil));
    }
}
