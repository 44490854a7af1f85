using AdeBot.Domain.Conversation;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tests.Cards;

namespace AdeBot.Domain.Tests.Conversation;

public sealed class TokenNamesTests
{
    private readonly CardSamples _samples = new();

    [Theory]
    [InlineData("Contoso ABM", "ade-contoso")]
    [InlineData("contoso abm", "ade-contoso")]
    [InlineData("Contoso-ABM", "ade-contoso")]
    [InlineData("Contso ABM", "ade-contoso")]
    [InlineData("Fabrikam", "ade-fabrikam")]
    [InlineData("Contoso VPP", "vpp-contoso")]
    [InlineData("schools vpp", "vpp-schools")]
    [InlineData("Contoso Schools ASM", "ade-schools")]
    [InlineData("push", HealthEvaluator.ApnsTokenId)]
    public void Finds_the_token_a_request_names(string name, string id)
    {
        var health = _samples.Evaluate(_samples.Mixed());

        var found = TokenNames.Find(name, health.Tokens);

        Assert.Equal([id], found.Select(t => t.Id));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("fi-FI")]
    [InlineData("uk-UA")]
    public void The_name_a_card_shows_finds_its_token(string locale)
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo(locale);
        var tokens = _samples.Evaluate(_samples.Mixed()).Tokens;

        Assert.All(tokens, token => Assert.Equal([token], TokenNames.Find(_samples.Catalog.DisplayName(token, culture), tokens)));
    }

    [Theory]
    [InlineData("en-US", "Apple MDM Push certificate")]
    [InlineData("fi-FI", "Apple MDM -push-varmenne")]
    [InlineData("uk-UA", "Push-сертифікат Apple MDM")]
    public void The_push_certificate_is_shown_by_its_name_in_the_language_and_keeps_its_english_name(string locale, string shown)
    {
        var apns = _samples.Evaluate(_samples.Mixed()).Tokens.Single(t => t.Id == HealthEvaluator.ApnsTokenId);

        Assert.Equal(shown, _samples.Catalog.DisplayName(apns, System.Globalization.CultureInfo.GetCultureInfo(locale)));
        Assert.Equal(HealthEvaluator.ApnsTokenName, apns.Name);
    }

    [Fact]
    public void An_exact_name_wins_over_names_that_merely_contain_it()
    {
        var health = _samples.Evaluate(_samples.Mixed());

        Assert.Equal(["ade-contoso"], TokenNames.Find("contoso abm", health.Tokens).Select(t => t.Id));
        Assert.Equal(["ade-contoso", "ade-schools", "vpp-contoso"], TokenNames.Find("Contoso", health.Tokens).Select(t => t.Id).Order());
    }

    [Theory]
    [InlineData("Litware")]
    [InlineData("")]
    [InlineData("!!")]
    public void Finds_nothing_for_an_unknown_name(string name) =>
        Assert.Empty(TokenNames.Find(name, _samples.Evaluate(_samples.Mixed()).Tokens));
}
