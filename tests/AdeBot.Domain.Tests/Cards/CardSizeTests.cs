using System.Globalization;
using System.Text.Json;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Cards.Model;
using AdeBot.Domain.Health;

namespace AdeBot.Domain.Tests.Cards;

/// A tenant with 2,000 failing tokens still gets messages Teams accepts (measured as Teams does, in
/// UTF-16), with the worst 20 in full and a way to see the rest.
public sealed class CardSizeTests
{
    private const int Failing = 2000;
    private const int MaxActivityUtf16Bytes = 80_000;

    private readonly CardSamples _samples = new();
    private readonly TenantHealth _health;

    public CardSizeTests() => _health = _samples.Evaluate(_samples.ManyFailing(Failing));

    public static TheoryData<string> Locales => [.. CardSamples.Cultures.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Locales))]
    public void The_first_page_shows_the_worst_twenty_in_full_and_counts_the_rest(string locale)
    {
        var culture = CultureInfo.GetCultureInfo(locale);
        var failing = _health.Tokens.Where(t => t.Status != HealthStatus.Healthy).ToList();

        var answer = _samples.Composer.ComposeHealth(_health, new CardContext(culture));

        Assert.Equal(Failing, failing.Count);
        Assert.All(answer.Cards, WithinBudget);
        Assert.All(answer.Cards, card => Assert.True(CardBudget.Utf16Bytes(Activity(card)) <= MaxActivityUtf16Bytes, "activity over 80 KB"));
        Assert.Equal(failing.Take(CardComposer.TokensPerPage).Select(t => t.Id), ShownTokenIds(answer));
        Assert.Equal(CardComposer.TokensPerPage, answer.Cards.Sum(card => CardJson.Texts(card).Count(t => t.StartsWith("1. ", StringComparison.Ordinal))));
        Assert.Equal((CardComposer.TokensPerPage, Failing, (int?)CardComposer.TokensPerPage), (answer.ShownTokens, answer.FailingTokens, answer.NextSkip));

        var last = answer.Cards[^1];
        Assert.Equal(CardComposer.TokensPerPage, ShowMoreSkip(last));
        Assert.Contains(CardJson.Texts(last), t => t.Contains((Failing - CardComposer.TokensPerPage).ToString("N0", culture), StringComparison.Ordinal));
        Assert.Single(answer.Cards, c => CardJson.Executes(c, CardVerbs.ShowMore).Any());
    }

    [Fact]
    public void Show_more_pages_through_to_the_last_token()
    {
        var failing = _health.Tokens.Where(t => t.Status != HealthStatus.Healthy).Select(t => t.Id).ToList();
        List<string> seen = [];
        int? skip = 0;
        var pages = 0;

        while (skip is { } next)
        {
            var answer = _samples.Composer.ComposeHealth(_health, new CardContext(CultureInfo.GetCultureInfo("en-US")) { Skip = next });
            Assert.All(answer.Cards, WithinBudget);
            Assert.Equal(next == 0, CardJson.Texts(answer.Cards[0]).Contains(ChatTextOf("Health_Title")));
            Assert.Equal(answer.NextSkip, answer.Cards.Select(ShowMoreSkip).LastOrDefault(s => s is not null));
            seen.AddRange(ShownTokenIds(answer));
            skip = answer.NextSkip;
            pages++;
        }

        Assert.Equal(Failing / CardComposer.TokensPerPage, pages);
        Assert.Equal(failing, seen);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void An_alert_about_every_token_fits_and_says_how_many_more(string locale)
    {
        var culture = CultureInfo.GetCultureInfo(locale);
        List<AlertFinding> findings =
        [
            .. _health.Tokens.Where(t => t.Status != HealthStatus.Healthy)
                .Select(t => new AlertFinding(CardSamples.TenantId, t, t.Problems[0].Code, "days:7", t.Problems[0].Severity, AlertKind.Raised, t.Problems[0])),
        ];

        var card = _samples.Composer.ComposeAlert(findings, new CardContext(culture));

        WithinBudget(card);
        var snoozed = CardJson.Executes(card, CardVerbs.Snooze).First().GetProperty("data").GetProperty("findingKeys").GetArrayLength();
        var listed = CardJson.OfType(card, "Container").Count();
        Assert.InRange(listed, 10, Failing - 1);
        Assert.Equal(listed, snoozed);
        Assert.Contains(CardJson.Texts(card), t => t.Contains((Failing - listed).ToString("N0", culture), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void The_expiring_list_fits_and_says_how_many_more(string locale)
    {
        var culture = CultureInfo.GetCultureInfo(locale);

        var card = _samples.Composer.ComposeExpiring(_health, 3650, new CardContext(culture));

        WithinBudget(card);
        var listed = CardJson.OfType(card, "FactSet").Single().GetProperty("facts").GetArrayLength();
        Assert.InRange(listed, 20, Failing - 1);
        Assert.Contains(CardJson.Texts(card), t => t.Contains((Failing + 1 - listed).ToString("N0", culture), StringComparison.Ordinal));
    }

    [Fact]
    public void Every_card_kind_fits_within_the_budget()
    {
        Assert.All(CardSamples.Cultures.SelectMany(_samples.EveryCard), named => WithinBudget(named.Card));
    }

    [Fact]
    public void The_budget_counts_utf16_bytes()
    {
        Assert.Equal(16, CardBudget.Utf16Bytes("маркер!!"));
    }

    private static void WithinBudget(AdaptiveCard card)
    {
        var bytes = CardBudget.Utf16Bytes(card);
        Assert.True(bytes <= CardBudget.MaxCardUtf16Bytes, $"card is {bytes} UTF-16 bytes");
    }

    private static IEnumerable<string> ShownTokenIds(HealthAnswer answer) =>
        answer.Cards.SelectMany(card => CardJson.Executes(card, CardVerbs.Details))
            .Select(a => a.GetProperty("data").GetProperty("tokenId").GetString()!);

    private static int? ShowMoreSkip(AdaptiveCard card) =>
        CardJson.Executes(card, CardVerbs.ShowMore).Select(a => (int?)a.GetProperty("data").GetProperty("skip").GetInt32()).SingleOrDefault();

    private static string ChatTextOf(string key) => AdeBot.Domain.Cards.ChatText.Get(key, CultureInfo.GetCultureInfo("en-US"));

    /// A reply activity as the host posts it, with the envelope fields Teams sends back and forth.
    private static string Activity(AdaptiveCard card) => JsonSerializer.Serialize(new
    {
        type = "message",
        id = "1700000000000",
        timestamp = "2026-11-22T09:00:00.000Z",
        serviceUrl = "https://smba.trafficmanager.net/emea/5f1c2a9e-7d3b-4c61-9a0e-2b8f6d4e1c37/",
        channelId = "msteams",
        from = new { id = "28:0c5d0a1e-9f3b-4e1a-a8c2-3f6b9d1e2a4c", name = "AdeBot" },
        conversation = new { id = "a:1Xy2Zq3W4v5U6t7S8r9Q0p1O2n3M4l5K6j7I8h9G0f1E2d3C4b5A6z7Y8x9W0v1U2t3S4r5Q6p7O8n9M0l", conversationType = "personal", tenantId = CardSamples.TenantId },
        recipient = new { id = "29:1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ", name = "Admin", aadObjectId = "6f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b" },
        replyToId = "1699999999999",
        locale = "uk-UA",
        summary = "2,000 tokens need attention",
        attachments = new[] { new { contentType = "application/vnd.microsoft.card.adaptive", content = AdaptiveCardJson.ToElement(card) } },
    }, AdaptiveCardJson.Options);
}
