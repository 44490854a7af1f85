using System.Globalization;
using System.Reflection;
using System.Text.Json;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Cards.Model;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;

namespace AdeBot.Domain.Tests.Cards;

/// Buttons work on every client and through both paths: each Action.Execute has an Action.Submit
/// fallback with the same data, `data.verb` included, and the bot reads either back the same way.
public sealed class CardActionTests
{
    private static readonly HashSet<string> Verbs =
        [.. typeof(CardVerbs).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)];

    private readonly CardSamples _samples = new();

    [Fact]
    public void Every_execute_has_a_submit_fallback_with_the_same_title_and_data()
    {
        var executes = CardSamples.Cultures.SelectMany(_samples.EveryCard).SelectMany(named => CardJson.OfType(named.Card, "Action.Execute")).ToList();

        Assert.NotEmpty(executes);
        Assert.All(executes, execute =>
        {
            var verb = execute.GetProperty("verb").GetString()!;
            var data = execute.GetProperty("data");
            var fallback = execute.GetProperty("fallback");
            Assert.Contains(verb, Verbs);
            Assert.Equal(verb, data.GetProperty("verb").GetString());
            Assert.Equal("Action.Submit", fallback.GetProperty("type").GetString());
            Assert.Equal(execute.GetProperty("title").GetString(), fallback.GetProperty("title").GetString());
            Assert.True(JsonElement.DeepEquals(data, fallback.GetProperty("data")));
        });
    }

    [Fact]
    public void Every_card_is_full_width_version_1_5_with_its_actions_in_action_sets()
    {
        Assert.All(CardSamples.Cultures.SelectMany(_samples.EveryCard), named =>
        {
            var json = CardJson.Of(named.Card);
            Assert.Equal("1.5", json.GetProperty("version").GetString());
            Assert.Equal("Full", json.GetProperty("msteams").GetProperty("width").GetString());
            Assert.False(json.TryGetProperty("actions", out _), named.Name);
            Assert.NotEmpty(CardJson.OfType(named.Card, "ActionSet"));
        });
    }

    [Theory]
    [InlineData("fi-FI", "/fi-fi/")]
    [InlineData("uk-UA", "/uk-ua/")]
    [InlineData("en-US", "/en-us/")]
    public void Help_links_open_in_the_users_language(string locale, string segment)
    {
        var health = _samples.Evaluate(_samples.Mixed());
        var answer = _samples.Composer.ComposeHealth(health, new CardContext(CultureInfo.GetCultureInfo(locale)));

        var urls = answer.Cards.SelectMany(c => CardJson.OfType(c, "Action.OpenUrl")).Select(a => new Uri(a.GetProperty("url").GetString()!)).ToList();

        Assert.All(urls, url => Assert.Equal(Uri.UriSchemeHttps, url.Scheme));
        Assert.All(urls.Where(u => u.Host == "learn.microsoft.com"), url => Assert.StartsWith(segment, url.AbsolutePath, StringComparison.Ordinal));
        Assert.Contains(urls, url => url.Host == "intune.microsoft.com");
    }

    [Fact]
    public void Details_and_snooze_carry_what_the_host_needs()
    {
        var health = _samples.Evaluate(_samples.Mixed());
        var findings = _samples.Findings(health);
        var context = new CardContext(CultureInfo.GetCultureInfo("en-US"));

        var details = _samples.Composer.ComposeHealth(health, context).Cards.SelectMany(c => CardJson.Executes(c, CardVerbs.Details)).ToList();
        var snoozes = CardJson.Executes(_samples.Composer.ComposeAlert(findings, context), CardVerbs.Snooze).ToList();

        Assert.Contains(details, d => Read(d) is { TokenId: "vpp-contoso", TokenKind: TokenKind.Vpp });
        Assert.Equal([1, 7], snoozes.Select(s => Read(s)!.Days!.Value));
        Assert.All(snoozes, s => Assert.Equal(
            findings.Where(f => f.Kind == AdeBot.Domain.Alerts.AlertKind.Raised).Select(f => f.FindingKey).Order(),
            Read(s)!.FindingKeys!.Order()));
    }

    public static TheoryData<string, string> CheckButtonsByCard => new()
    {
        // card (CardSamples.EveryCard), the data of every "Check again"/"Check now" button on it
        { "health-0", """{"verb":"checkAgain","view":"summary"}""" },
        { "all-clear", """{"verb":"checkAgain","view":"summary"}""" },
        { "health-1", """{"verb":"checkAgain","view":"tokens","skip":0}""" },
        { "health-last-page-0", """{"verb":"checkAgain","view":"tokens","skip":40}""" },
        { "details-ade-schools", """{"verb":"checkAgain","view":"details","tokenId":"ade-schools","tokenKind":"ade"}""" },
        { "details-applePushNotificationCertificate", """{"verb":"checkAgain","view":"details","tokenId":"applePushNotificationCertificate","tokenKind":"apns"}""" },
        // The window asked for, or the warning window when none was.
        { "expiring", """{"verb":"checkAgain","view":"expiring","days":30}""" },
        { "expiring-none", """{"verb":"checkAgain","view":"expiring","days":14}""" },
        // Cards that show no tenant data are not replaced: their button posts the health answer.
        { "welcome-subscribed", """{"verb":"checkNow"}""" },
        { "welcome-unsubscribed", """{"verb":"checkNow"}""" },
        { "help", """{"verb":"checkNow"}""" },
        { "alert", """{"verb":"checkNow"}""" },
        { "alert-cleared-only", """{"verb":"checkNow"}""" },
        { "error-code-0", """{"verb":"checkNow"}""" },
        { "error-code-7", """{"verb":"checkNow"}""" },
        { "explain-TermsNotAccepted", """{"verb":"checkNow"}""" },
        // A device card refreshes from a new lookup of its serial.
        { "device-NotInAde", """{"verb":"checkAgain","view":"device","serial":"C02ZP4MNQR13"}""" },
        { "device-two-tokens-blocked", """{"verb":"checkAgain","view":"device","serial":"C02ZP4MNQR13"}""" },
        { "health-risks-0", """{"verb":"checkAgain","view":"summary"}""" },
    };

    [Theory]
    [MemberData(nameof(CheckButtonsByCard))]
    public void Each_check_button_says_what_to_check_for_the_card_it_is_on(string cardName, string data)
    {
        var card = _samples.EveryCard(CultureInfo.GetCultureInfo("en-US")).Single(named => named.Name == cardName).Card;

        var buttons = CheckButtons(card).ToList();

        Assert.NotEmpty(buttons);
        Assert.All(buttons, button => Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(data).RootElement, button.GetProperty("data")), button.GetProperty("data").ToString()));
    }

    [Fact]
    public void The_check_again_of_a_token_card_carries_the_index_of_its_first_failing_token()
    {
        var health = _samples.Evaluate(_samples.ManyFailing(60));
        List<string> failing = [.. health.Tokens.Where(t => t.Status != HealthStatus.Healthy).Select(t => t.Id)];
        var context = new CardContext(CultureInfo.GetCultureInfo("fi-FI"));

        var tokenCards = new[] { 0, 20, 40 }.SelectMany(skip => _samples.Composer.ComposeHealth(health, context with { Skip = skip }).Cards)
            .Where(card => CardJson.Executes(card, CardVerbs.Details).Any()).ToList();

        Assert.All(tokenCards, card =>
        {
            var first = failing.IndexOf(Read(CardJson.Executes(card, CardVerbs.Details).First())!.TokenId!);
            Assert.All(CardJson.Executes(card, CardVerbs.CheckAgain), b => Assert.Equal(new CardActionData(CardVerbs.CheckAgain) { View = CardView.Tokens, Skip = first }, Read(b)));
        });
        // Pages hold more tokens than one card, so some cards start inside a page.
        Assert.Contains(tokenCards, card => Read(CardJson.Executes(card, CardVerbs.CheckAgain).First())!.Skip % CardComposer.TokensPerPage != 0);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("uk-UA")]
    public void Check_again_on_unchanged_data_composes_exactly_the_card_clicked(string locale)
    {
        var context = new CardContext(CultureInfo.GetCultureInfo(locale));
        var mixed = _samples.Evaluate(_samples.Mixed(SnapshotSource.Sample));
        var many = _samples.Evaluate(_samples.ManyFailing(60));
        var healthy = _samples.Evaluate(_samples.Healthy());
        List<(TenantHealth Health, AdaptiveCard Card)> shown =
        [
            .. _samples.Composer.ComposeHealth(mixed, context).Cards.Select(card => (mixed, card)),
            .. new[] { 0, 20, 40 }.SelectMany(skip => _samples.Composer.ComposeHealth(many, context with { Skip = skip }).Cards).Select(card => (many, card)),
            (healthy, _samples.Composer.ComposeHealth(healthy, context).Cards.Single()),
            (mixed, _samples.Composer.ComposeExpiring(mixed, null, context)),
            (mixed, _samples.Composer.ComposeExpiring(mixed, 200, context)),
            (mixed, _samples.Composer.ComposeDaysLeft(mixed, context)),
            .. mixed.Tokens.Select(token => (mixed, _samples.Composer.ComposeTokenDetails(mixed, token, context))),
        ];

        Assert.All(shown, s =>
        {
            var clicks = CardJson.Executes(s.Card, CardVerbs.CheckAgain).Select(Read).ToList();
            Assert.NotEmpty(clicks);
            Assert.All(clicks, data => Assert.Equal(AdaptiveCardJson.Serialize(s.Card), AdaptiveCardJson.Serialize(_samples.Composer.ComposeRefresh(s.Health, data!, context)!)));
        });
    }

    [Theory]
    [InlineData("mixed", """{"verb":"checkAgain"}""", "Apple token health")]
    [InlineData("healthy", """{"verb":"checkAgain","view":"summary"}""", "All Apple tokens are healthy")]
    [InlineData("mixed", """{"verb":"checkAgain","view":"tokens","skip":2}""", "Tokens that need attention: 3–5 of 5")]
    [InlineData("mixed", """{"verb":"checkAgain","view":"tokens","skip":7}""", "Tokens that need attention: 1–5 of 5")]
    [InlineData("mixed", """{"verb":"checkAgain","view":"tokens","skip":-1}""", "Tokens that need attention: 1–5 of 5")]
    [InlineData("mixed", """{"verb":"checkAgain","view":"tokens"}""", "Tokens that need attention: 1–5 of 5")]
    [InlineData("healthy", """{"verb":"checkAgain","view":"tokens","skip":3}""", "All Apple tokens are healthy")]
    [InlineData("mixed", """{"verb":"checkAgain","view":"details","tokenId":"ade-fabrikam","tokenKind":"ade"}""", "Fabrikam ABM")]
    [InlineData("mixed", """{"verb":"checkAgain","view":"expiring","days":14}""", "Tokens expired or expiring within 14 days")]
    [InlineData("mixed", """{"verb":"checkAgain","view":"expiring","days":-5}""", "Tokens expired or expiring within 30 days")]
    [InlineData("mixed", """{"verb":"checkAgain","view":"expiring","days":100000000}""", "Tokens expired or expiring within 30 days")]
    [InlineData("healthy", """{"verb":"checkAgain","view":"expiring","days":14}""", "Tokens expiring within 14 days")]
    [InlineData("mixed", """{"verb":"checkAgain","view":"daysLeft"}""", "Expiry dates of all tokens")]
    public void Check_again_composes_the_same_view_of_what_the_tenant_has_now(string tenant, string data, string heading)
    {
        var health = _samples.Evaluate(tenant == "healthy" ? _samples.Healthy() : _samples.Mixed());

        var card = _samples.Composer.ComposeRefresh(health, CardActionData.TryRead(JsonDocument.Parse(data).RootElement)!, new CardContext(CultureInfo.GetCultureInfo("en-US")));

        Assert.Contains(heading, CardJson.Texts(card!));
    }

    [Fact]
    public void Check_again_of_a_device_card_is_not_composed_from_token_health()
    {
        var data = new CardActionData(CardVerbs.CheckAgain) { View = CardView.Device, Serial = "C02ZP4MNQR13" };

        Assert.Null(_samples.Composer.ComposeRefresh(_samples.Evaluate(_samples.Mixed()), data, new CardContext(CultureInfo.GetCultureInfo("en-US"))));
    }

    [Fact]
    public void Check_again_on_the_details_of_a_token_that_is_gone_composes_nothing()
    {
        var health = _samples.Evaluate(_samples.Healthy());
        var data = new CardActionData(CardVerbs.CheckAgain) { View = CardView.Details, TokenId = "ade-schools", TokenKind = TokenKind.Ade };

        Assert.Null(_samples.Composer.ComposeRefresh(health, data, new CardContext(CultureInfo.GetCultureInfo("en-US"))));
    }

    [Theory]
    [InlineData(true, AlertScope.All, "Only critical alerts", AlertScope.CriticalOnly)]
    [InlineData(true, AlertScope.CriticalOnly, "All alerts", AlertScope.All)]
    public void The_welcome_card_offers_the_scope_it_is_not_set_to(bool subscribed, AlertScope current, string title, AlertScope offered)
    {
        var card = _samples.Composer.ComposeWelcome(new CardContext(CultureInfo.GetCultureInfo("en-US")), subscribed, current);

        var button = Assert.Single(CardJson.Executes(card, CardVerbs.AlertScope));
        Assert.Equal(title, button.GetProperty("title").GetString());
        Assert.Equal(new CardActionData(CardVerbs.AlertScope) { Scope = offered }, Read(button));
        Assert.Single(CardJson.Executes(card, CardVerbs.Unsubscribe));
    }

    [Theory]
    [InlineData(AlertScope.All)]
    [InlineData(AlertScope.CriticalOnly)]
    public void While_alerts_are_off_the_welcome_card_offers_only_to_turn_them_on(AlertScope current)
    {
        var card = _samples.Composer.ComposeWelcome(new CardContext(CultureInfo.GetCultureInfo("en-US")), subscribed: false, current);

        Assert.Empty(CardJson.Executes(card, CardVerbs.AlertScope));
        Assert.Single(CardJson.Executes(card, CardVerbs.Subscribe));
    }

    [Theory]
    [InlineData("en-US", "Alerts are on for this conversation, for critical problems only")]
    [InlineData("fi-FI", "vain kriittisistä ongelmista")]
    [InlineData("uk-UA", "лише про критичні проблеми")]
    public void The_welcome_card_says_when_alerts_cover_only_critical_problems(string locale, string words)
    {
        var context = new CardContext(CultureInfo.GetCultureInfo(locale));

        var critical = string.Join("\n", CardJson.Texts(_samples.Composer.ComposeWelcome(context, subscribed: true, AlertScope.CriticalOnly)));
        var all = string.Join("\n", CardJson.Texts(_samples.Composer.ComposeWelcome(context, subscribed: true, AlertScope.All)));

        Assert.Contains(words, critical, StringComparison.Ordinal);
        Assert.DoesNotContain(words, all, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_data_of_an_invoke_and_of_a_submit_alike()
    {
        const string data = """{"verb":"details","tokenId":"ade-1","tokenKind":"ade"}""";
        var invoke = JsonDocument.Parse($$"""{"action":{"type":"Action.Execute","id":"x","verb":"details","data":{{data}}},"trigger":"manual"}""").RootElement;
        var submit = JsonDocument.Parse(data).RootElement;

        var fromInvoke = CardActionData.TryRead(invoke);
        var fromSubmit = CardActionData.TryRead(submit);

        Assert.Equal(new CardActionData(CardVerbs.Details) { TokenId = "ade-1", TokenKind = TokenKind.Ade }, fromInvoke);
        Assert.Equal(fromInvoke, fromSubmit);
    }

    [Theory]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"checkAgain"},"trigger":"automatic"}""", "checkAgain")]
    [InlineData("""{"verb":"snooze","findingKeys":["t|Ade|1|expiry"],"days":7,"msteams":{"displayText":"x"}}""", "snooze")]
    [InlineData("""{"verb":"showMore","skip":20}""", "showMore")]
    [InlineData("""{"verb":"alertScope","scope":"criticalOnly"}""", "alertScope")]
    [InlineData("""{"verb":"checkAgain","view":"tokens","skip":7}""", "checkAgain")]
    [InlineData("""{"verb":"checkNow"}""", "checkNow")]
    public void Reads_a_verb_with_or_without_data(string json, string verb) =>
        Assert.Equal(verb, CardActionData.TryRead(JsonDocument.Parse(json).RootElement)?.Verb);

    [Theory]
    [InlineData("""{"someOtherBot":true}""")]
    [InlineData("""{"verb":""}""")]
    [InlineData("""{"verb":"snooze","days":"seven"}""")]
    [InlineData("""{"verb":"alertScope","scope":"everything"}""")]
    [InlineData("""{"verb":"checkAgain","view":"everything"}""")]
    [InlineData("""["verb"]""")]
    [InlineData("""{"action":{"type":"Action.Execute"}}""")]
    public void Ignores_values_that_are_not_ours(string json) =>
        Assert.Null(CardActionData.TryRead(JsonDocument.Parse(json).RootElement));

    /// "Check again" and "Check now", whichever the card has.
    private static IEnumerable<JsonElement> CheckButtons(AdaptiveCard card) =>
        CardJson.Executes(card, CardVerbs.CheckAgain).Concat(CardJson.Executes(card, CardVerbs.CheckNow));

    private static CardActionData? Read(JsonElement execute) => CardActionData.TryRead(execute.GetProperty("data"));
}
