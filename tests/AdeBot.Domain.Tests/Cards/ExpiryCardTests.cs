using System.Globalization;
using System.Text.Json;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Cards.Model;
using AdeBot.Domain.Localization;
using AdeBot.Domain.Tokens;

namespace AdeBot.Domain.Tests.Cards;

/// What the expiry cards list and how their titles read.
public sealed class ExpiryCardTests
{
    private readonly CardSamples _samples = new();

    [Theory]
    [InlineData("en-US", 30, "Tokens expired or expiring within 30 days")]
    [InlineData("en-US", 1, "Tokens expired or expiring within 1 day")]
    [InlineData("fi-FI", 30, "Vanhentuneet ja 30 päivän sisällä vanhenevat tunnukset")]
    [InlineData("uk-UA", 21, "Маркери, термін дії яких минув або спливає протягом 21 дня")]
    [InlineData("uk-UA", 30, "Маркери, термін дії яких минув або спливає протягом 30 днів")]
    public void The_title_says_expired_when_the_list_has_expired_tokens(string locale, int days, string title)
    {
        var card = _samples.Composer.ComposeExpiring(_samples.Evaluate(_samples.Mixed()), days, Context(locale));

        Assert.Equal(title, Heading(card));
    }

    [Theory]
    [InlineData("en-US", "Tokens expiring within 400 days")]
    [InlineData("fi-FI", "400 päivän sisällä vanhenevat tunnukset")]
    public void Without_expired_tokens_the_title_says_expiring(string locale, string title)
    {
        var card = _samples.Composer.ComposeExpiring(_samples.Evaluate(_samples.Healthy()), 400, Context(locale));

        Assert.Equal(title, Heading(card));
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Days_left_lists_every_token_that_has_an_expiry_date_with_its_days(string locale)
    {
        var culture = CultureInfo.GetCultureInfo(locale);
        var health = _samples.Evaluate(_samples.Mixed());

        var card = _samples.Composer.ComposeDaysLeft(health, Context(locale));

        List<JsonElement> facts = [.. Facts(card)];
        var expiring = health.Tokens.Where(t => t.ExpiresAt is not null).OrderBy(t => t.ExpiresAt).ToList();
        Assert.Equal(expiring.Count, facts.Count);
        Assert.Equal(expiring.Select(t => $"{_samples.Catalog.DisplayName(t, culture)} ({_samples.Catalog.KindLabel(t)})"), facts.Select(f => f.GetProperty("title").GetString()));
        Assert.Contains(facts, f => f.GetProperty("value").GetString()!.EndsWith($"({Relative(300, culture)})", StringComparison.Ordinal));
        Assert.Contains(facts, f => f.GetProperty("value").GetString()!.EndsWith($"({Relative(-12, culture)})", StringComparison.Ordinal));
        Assert.Equal(new CardActionData(CardVerbs.CheckAgain) { View = CardView.DaysLeft }, CardActionData.TryRead(Assert.Single(CardJson.Executes(card, CardVerbs.CheckAgain)).GetProperty("data")));
    }

    [Fact]
    public void Days_left_of_a_tenant_without_expiry_dates_says_so()
    {
        var none = new TenantSnapshot(CardSamples.TenantId, SnapshotSource.Graph, _samples.Now, [], null, []);

        var card = _samples.Composer.ComposeDaysLeft(_samples.Evaluate(none), Context("en-US"));

        Assert.Contains("No token has an expiry date.", CardJson.Texts(card));
        Assert.Empty(Facts(card));
    }

    [Fact]
    public void A_window_holds_the_tokens_whose_shown_day_count_is_within_it()
    {
        var snapshot = new TenantSnapshot(CardSamples.TenantId, SnapshotSource.Graph, _samples.Now,
        [
            new AdeToken("ade-five-and-a-half", "Five and a half", null, AppleProgram.BusinessManager, _samples.Now.AddDays(5.5), _samples.Now.AddHours(-1), _samples.Now.AddHours(-1), 0, 1),
            new AdeToken("ade-six", "Six", null, AppleProgram.BusinessManager, _samples.Now.AddDays(6), _samples.Now.AddHours(-1), _samples.Now.AddHours(-1), 0, 1),
        ],
        null, []);

        var card = _samples.Composer.ComposeExpiring(_samples.Evaluate(snapshot), 5, Context("en-US"));

        var fact = Assert.Single(Facts(card));
        Assert.Equal("Five and a half (ABM)", fact.GetProperty("title").GetString());
        Assert.EndsWith("(in 5 days)", fact.GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string> Locales => [.. CardSamples.Cultures.Select(c => c.Name)];

    private static string Relative(int days, CultureInfo culture) => TextFormat.RelativeDays(days, culture);

    private static IEnumerable<JsonElement> Facts(AdaptiveCard card) =>
        CardJson.OfType(card, "FactSet").SelectMany(set => set.GetProperty("facts").EnumerateArray());

    private static CardContext Context(string locale) => new(CultureInfo.GetCultureInfo(locale));

    private static string Heading(AdaptiveCard card) =>
        CardJson.OfType(card, "TextBlock").First(t => t.TryGetProperty("style", out var style) && style.GetString() == "heading").GetProperty("text").GetString()!;
}
